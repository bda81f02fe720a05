using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FamilyPlanning.Core.Common;
using MiniExcelLibs;

namespace FamilyPlanning.Core.Imports;

/// <summary>An uploaded sheet as text: the header row and every non-empty data row with its spreadsheet row number.</summary>
public sealed record Sheet(string[] Headers, List<SheetRow> Rows);

public sealed record SheetRow(int Number, string[] Cells);

/// <summary>
/// Reads XLSX (MiniExcel) and CSV (CsvHelper). CSV text may be UTF-8 with or without a BOM, UTF-16 with a BOM, or
/// GB18030/GBK, which Excel writes on Chinese Windows: bytes that are not valid UTF-8 are read as GB18030.
/// </summary>
public static class SheetReader
{
    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static Sheet Read(string fileName, byte[] content)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".xlsx" => ReadXlsx(content),
            ".csv" or ".txt" => ReadCsv(content),
            _ => throw new RuleViolation("File", $"不支持的文件类型“{ext}”，请上传 .xlsx 或 .csv 文件（可先下载模板）"),
        };
    }

    public static Encoding DetectEncoding(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF) return new UTF8Encoding(false);
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE) return Encoding.Unicode;
        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF) return Encoding.BigEndianUnicode;
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
    }

    private static Sheet ReadCsv(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), DetectEncoding(content), detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
        };
        using var csv = new CsvParser(reader, config);
        string[]? headers = null;
        var rows = new List<SheetRow>();
        try
        {
            while (csv.Read())
            {
                var record = csv.Record ?? [];
                if (headers is null)
                {
                    if (record.All(string.IsNullOrWhiteSpace)) continue;
                    headers = record.Select(h => h.Trim()).ToArray();
                    continue;
                }
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new SheetRow(csv.Row, record));
            }
        }
        catch (CsvHelperException e)
        {
            throw new RuleViolation("File", $"CSV 文件第 {e.Context?.Parser?.Row} 行格式有误（引号不配对等），无法读取");
        }
        return new Sheet(headers ?? throw new RuleViolation("File", "文件是空的：第一行应为列标题"), rows);
    }

    private static Sheet ReadXlsx(byte[] content)
    {
        List<IDictionary<string, object?>> raw;
        try
        {
            raw = MiniExcel.Query(new MemoryStream(content), useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RuleViolation("File", "无法读取该 Excel 文件：请确认是 .xlsx 格式（不是 .xls），且文件未损坏、未加密");
        }
        string[]? headers = null;
        var rows = new List<SheetRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = raw[i].Values.Select(Text).ToArray();
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (headers is null) headers = cells.Select(c => c.Trim()).ToArray();
            else rows.Add(new SheetRow(i + 1, cells));
        }
        return new Sheet(headers ?? throw new RuleViolation("File", "文件是空的：第一行应为列标题"), rows);
    }

    /// <summary>A cell as the text the clerk sees: dates as yyyy-MM-dd, whole numbers without ".0".</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd") : d.ToString("yyyy-MM-dd HH:mm"),
        double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => ((long)x).ToString(CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
