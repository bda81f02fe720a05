using System.Text;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Imports;

/// <summary>Builds import files the way clerks' spreadsheets do: CSV in UTF-8 (with or without BOM) or GBK, and XLSX.</summary>
public static class ImportFiles
{
    public static string[] Headers(Template t) => t.Columns.Select(c => c.Header).ToArray();

    public static string CsvText(Template t, IEnumerable<string[]> rows) =>
        string.Join("\r\n", new[] { Headers(t) }.Concat(rows).Select(r => string.Join(",", r.Select(Quote)))) + "\r\n";

    public static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Gbk(string text) => SheetReader.Gb18030.GetBytes(text);

    public static byte[] Xlsx(Template t, IEnumerable<string[]> rows) =>
        TableFile.Xlsx(new Table(t.Title, Headers(t), rows.Select(r => r.Cast<object?>().ToArray())));

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static string Id(DateOnly birth, Sex sex, int n) => IdNumber.Make("371426", birth, (n * 2 + (sex == Sex.Male ? 1 : 0)) % 1000);

    /// <summary>户籍人口 rows for Longmen: <paramref name="households"/> couples (husband head, wife spouse) in its first village.</summary>
    public static List<string[]> Couples(int households, int offset = 0, string village = Given.LongmenVillage)
    {
        var rows = new List<string[]>();
        for (var i = 0; i < households; i++)
        {
            var n = offset + i;
            var hb = new DateOnly(1980, 1, 1).AddDays(n % 3000);
            var wb = hb.AddYears(3);
            var number = $"IMP{n:D5}";
            rows.Add([number, village, $"一组{n}号", $"户主{n}", "农业", $"户主{n}", "男", hb.ToString("yyyy-MM-dd"), Id(hb, Sex.Male, n), "户主", "初婚", "户籍常住", "", ""]);
            rows.Add([number, village, $"一组{n}号", $"户主{n}", "农业", $"妻子{n}", "女", wb.ToString("yyyy-MM-dd"), Id(wb, Sex.Female, n + 500), "配偶", "初婚", "", "", ""]);
        }
        return rows;
    }
}
