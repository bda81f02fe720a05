using System.Data;
using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace FamilyPlanning.Core.Common;

/// <summary>A table to download: a sheet name, Chinese headers and rows of values (text, numbers or dates).</summary>
public sealed record Table(string Name, string[] Headers, IEnumerable<object?[]> Rows);

/// <summary>
/// Writes tables as XLSX (MiniExcel) or CSV (UTF-8 with a BOM, so Excel on Chinese Windows shows the characters). Every text
/// cell goes through <see cref="Cell.Safe"/>: what a spreadsheet would run as a formula is shown as text instead.
/// </summary>
public static class TableFile
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static byte[] Xlsx(params Table[] tables)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var t in tables)
        {
            var data = new DataTable(t.Name);
            foreach (var h in t.Headers) data.Columns.Add(h, typeof(object));
            foreach (var row in t.Rows) data.Rows.Add(row.Select(Value).ToArray());
            sheets[t.Name] = data;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(Table table)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in table.Headers) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var v in row) csv.WriteField(Value(v) is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : Value(v) as string);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>The file for a format name ("xlsx" or "csv"), with its content type and file name.</summary>
    public static (byte[] content, string contentType, string fileName) Make(string? format, string fileStem, Table table) =>
        format == "csv"
            ? (Csv(table), CsvType, fileStem + ".csv")
            : (Xlsx(table), XlsxType, fileStem + ".xlsx");

    private static object Value(object? v) => v switch
    {
        null => "",
        string s => Cell.Safe(s),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm"),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm"),
        bool b => b ? "是" : "否",
        _ => v,
    };
}
