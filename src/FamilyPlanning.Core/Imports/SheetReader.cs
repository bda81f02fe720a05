using System.Globalization;
using System.Text;
using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.Imports;

/// <summary>An uploaded sheet as text: the header row and every non-empty data row with its spreadsheet row number.</summary>
public sealed record Sheet(string[] Headers, List<SheetRow> Rows);

public sealed record SheetRow(int Number, string[] Cells);

/// <summary>
/// Reads an uploaded XLSX or CSV file as a stream, with the <see cref="SheetLimits"/> checked while reading. What the
/// content is decides the reader (a zip is read as XLSX whatever its extension says); the extension only refuses other kinds.
/// </summary>
public static class SheetReader
{
    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static Sheet Read(string fileName, byte[] content) => Read(fileName, new MemoryStream(content, writable: false));

    /// <summary>Reads <paramref name="content"/> (seekable: an uploaded file is buffered by the server) without copying it.</summary>
    public static Sheet Read(string fileName, Stream content, SheetLimits? limits = null)
    {
        limits ??= SheetLimits.Default;
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is not (".xlsx" or ".csv" or ".txt"))
            throw new RuleViolation("File", $"不支持的文件类型“{ext}”，请上传 .xlsx 或 .csv 文件（可先下载模板）");
        if (!content.CanSeek) throw new ArgumentException("The upload must be buffered (seekable).", nameof(content));
        content.Position = 0;
        Span<byte> head = stackalloc byte[4];
        var n = content.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        content.Position = 0;
        var isZip = n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (isZip) return XlsxSheetReader.Read(content, limits);
        if (ext == ".xlsx")
            throw new RuleViolation("File", "无法读取该 Excel 文件：请确认是 .xlsx 格式（不是 .xls），且文件未损坏、未加密");
        return CsvSheetReader.Read(content, limits);
    }

    /// <summary>A number as the clerk sees it: whole numbers without ".0".</summary>
    internal static string NumberText(double x) =>
        x == Math.Floor(x) && Math.Abs(x) < 1e15 ? ((long)x).ToString(CultureInfo.InvariantCulture) : x.ToString(CultureInfo.InvariantCulture);
}
