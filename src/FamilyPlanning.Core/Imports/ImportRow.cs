using System.Globalization;
using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.Imports;

/// <summary>One problem found in an uploaded file: the spreadsheet row (0 for the file itself), the column header and a
/// Chinese message.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);

/// <summary>The cells of one data row read by template column, collecting every problem instead of stopping at the first.</summary>
public sealed class ImportRow(Template template, Dictionary<string, int> columnIndex, SheetRow row, List<ImportProblem> problems)
{
    private static readonly string[] DateFormats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    public int Number => row.Number;
    public bool Failed { get; private set; }

    public void Error(string property, string message)
    {
        Failed = true;
        problems.Add(new ImportProblem(row.Number, property == "" ? "" : template[property].Header, message));
    }

    /// <summary>A rule of the pages broke: the message goes to the column of the input property it names (or the row).</summary>
    public void Error(RuleViolation v)
    {
        var column = template.Columns.FirstOrDefault(c => c.Property == v.Field);
        Failed = true;
        problems.Add(new ImportProblem(row.Number, column?.Header ?? "", v.Message));
    }

    /// <summary>Every broken rule of a list (nulls are rules that hold), each in its column.</summary>
    public void Errors(IEnumerable<RuleViolation?> violations)
    {
        foreach (var v in violations)
            if (v is not null) Error(v);
    }

    /// <summary>The cell as written, unchecked (null when empty): for collecting the keys a whole file looks up at once. Read
    /// the value itself with <see cref="Text"/>, which reports each problem once.</summary>
    public string? Raw(string property) =>
        columnIndex.TryGetValue(template[property].Header, out var i) && i < row.Cells.Length && row.Cells[i].Trim() is { Length: > 0 } v ? v : null;

    public string? Text(string property, int maxLength = 200)
    {
        var column = template[property];
        var value = Raw(property) ?? "";
        if (value == "")
        {
            if (column.Required) Error(property, $"请填写{column.Header}");
            return null;
        }
        if (value.Length > maxLength)
        {
            Error(property, $"{column.Header}不能超过{maxLength}个字符（实际{value.Length}个）");
            return null;
        }
        return value;
    }

    public DateOnly? Date(string property)
    {
        var text = Text(property, 30);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return DateOnly.FromDateTime(dt);
        Error(property, $"{template[property].Header}“{text}”不是有效日期，应写成 yyyy-MM-dd，如 2026-03-08");
        return null;
    }

    public int? Int(string property, int min, int max)
    {
        var text = Text(property, 10);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error(property, $"{template[property].Header}“{text}”应为 {min}–{max} 之间的整数");
        return null;
    }

    public bool Flag(string property)
    {
        var text = Text(property, 5);
        switch (text)
        {
            case null or "否" or "无" or "0" or "N" or "n": return false;
            case "是" or "有" or "1" or "Y" or "y": return true;
            default:
                Error(property, $"{template[property].Header}应填“是”或“否”，不是“{text}”");
                return false;
        }
    }

    /// <summary>A choice written as the word the pages show (男, 初婚, 放环 …).</summary>
    public T? Choice<T>(string property, Func<T, string> name) where T : struct, Enum
    {
        var text = Text(property, 20);
        if (text is null) return null;
        foreach (var value in Enum.GetValues<T>())
            if (name(value) == text) return value;
        Error(property, $"{template[property].Header}“{text}”无效，应为：{string.Join("、", Enum.GetValues<T>().Select(name).Distinct())}");
        return null;
    }
}
