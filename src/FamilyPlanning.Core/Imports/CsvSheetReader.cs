using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.Imports;

/// <summary>
/// Reads CSV text record by record from the uploaded stream. The encoding is decided from a byte-order mark, else UTF-8 if
/// every byte is valid UTF-8, else GB18030 (what Excel writes on Chinese Windows). Decoding is strict: a byte sequence that
/// is not valid in that encoding, or a NUL character, stops the file with the row and column where it is.
/// </summary>
internal static class CsvSheetReader
{
    private const char Invalid = '\uFFFD';

    public static Sheet Read(Stream content, SheetLimits limits)
    {
        var encoding = Detect(content);
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
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
        long kept = 0;
        try
        {
            while (csv.Read())
            {
                var record = csv.Record ?? [];
                var number = csv.Row;
                if (record.Length > limits.MaxColumns) throw limits.TooManyColumns(number);
                for (var i = 0; i < record.Length; i++) Check(record[i], number, i + 1, limits);
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (headers is null) { headers = record.Select(h => h.Trim()).ToArray(); continue; }
                if (rows.Count >= limits.MaxRows) throw limits.TooManyRows();
                foreach (var c in record) kept += c.Length;
                if (kept > limits.MaxTotalChars) throw limits.TooMuchText();
                rows.Add(new SheetRow(number, record));
            }
        }
        catch (CsvHelperException e)
        {
            throw new RuleViolation("File", $"CSV 文件第 {e.Context?.Parser?.Row} 行格式有误（引号不配对等），无法读取");
        }
        return new Sheet(headers ?? throw new RuleViolation("File", "文件是空的：第一行应为列标题"), rows);
    }

    private static void Check(string cell, int row, int column, SheetLimits limits)
    {
        if (cell.Length > limits.MaxCellChars) throw limits.CellTooLong(row, column);
        if (cell.Contains(Invalid))
            throw new RuleViolation("File", $"第 {row} 行第 {column} 列有无法识别的字符：文件不是有效的 UTF-8 或 GBK 编码，或已损坏。" +
                "请在 Excel 中“另存为”CSV UTF-8（逗号分隔）后重新导入");
        if (cell.Contains('\0'))
            throw new RuleViolation("File", $"第 {row} 行第 {column} 列含有空字符（NUL），这不是 CSV 文本文件，请上传模板格式的 .xlsx 或 .csv 文件");
    }

    /// <summary>The file's encoding; leaves the stream just after any byte-order mark. Invalid bytes decode to U+FFFD.</summary>
    public static Encoding Detect(Stream content)
    {
        content.Position = 0;
        Span<byte> bom = stackalloc byte[3];
        var n = content.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) { content.Position = 3; return new UTF8Encoding(false, false); }
        if (n >= 2 && bom[0] == 0xFF && bom[1] == 0xFE) { content.Position = 2; return new UnicodeEncoding(false, false, false); }
        if (n >= 2 && bom[0] == 0xFE && bom[1] == 0xFF) { content.Position = 2; return new UnicodeEncoding(true, false, false); }
        content.Position = 0;
        var utf8 = IsValidUtf8(content);
        content.Position = 0;
        return utf8
            ? new UTF8Encoding(false, false)
            : Encoding.GetEncoding("GB18030", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Invalid.ToString()));
    }

    private static bool IsValidUtf8(Stream content)
    {
        var encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var decoder = encoding.GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(buffer.Length)];
        try
        {
            // GetChars, not GetCharCount: only decoding keeps a character split across two chunks for the next one.
            int n;
            while ((n = content.Read(buffer, 0, buffer.Length)) > 0) decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
