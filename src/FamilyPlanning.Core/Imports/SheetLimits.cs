using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.Imports;

/// <summary>
/// How much an uploaded sheet may hold. Checked while reading, so a file that would expand past a limit (a decompression
/// bomb, a sheet of a million rows) is refused at the first byte over it, before it costs memory or minutes.
/// Figures and reasons: docs/decisions.md (Upload limits).
/// </summary>
public sealed record SheetLimits
{
    public static readonly SheetLimits Default = new();

    /// <summary>Data rows (not counting the header and blank rows).</summary>
    public int MaxRows { get; init; } = ImportService.MaxRows;

    /// <summary>Row elements of any kind, blank ones included (Excel's own maximum).</summary>
    public int MaxRawRows { get; init; } = 1_048_576;

    /// <summary>The widest template has 14 columns; a sheet wider than this is not a filled-in template.</summary>
    public int MaxColumns { get; init; } = 64;

    public int MaxCellChars { get; init; } = 1_000;

    /// <summary>Characters of all cells kept for the import: about 240 per row at the row limit.</summary>
    public long MaxTotalChars { get; init; } = 48L * 1024 * 1024;

    /// <summary>Expanded bytes of the worksheet XML (a 200 000-row template of 14 columns is about 150 MB).</summary>
    public long MaxSheetXmlBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Expanded bytes of each other part read (shared strings, styles, workbook).</summary>
    public long MaxPartXmlBytes { get; init; } = 64L * 1024 * 1024;

    internal RuleViolation TooManyRows() =>
        new("File", $"文件超过 {MaxRows} 行数据，单次最多导入 {MaxRows} 行，请分成几个文件");

    internal RuleViolation TooManyColumns(int row) =>
        new("File", $"第 {row} 行超过 {MaxColumns} 列，这不是填好的导入模板，请使用下载的模板");

    internal RuleViolation CellTooLong(int row, int column) =>
        new("File", $"第 {row} 行第 {column} 列的内容超过 {MaxCellChars} 个字符，请检查该单元格");

    internal RuleViolation TooMuchText() =>
        new("File", $"文件的文字总量超过 {MaxTotalChars / 1024 / 1024} M 字符，请分成几个文件导入");

    internal static RuleViolation Expands(string part, long limit) =>
        new("File", $"文件解压后过大（{part}超过 {limit / 1024 / 1024} MB），可能已损坏或不是导入模板，请用下载的模板重新填写");
}
