namespace FamilyPlanning.Core.Common;

/// <summary>Spreadsheet cells: text starting with = + - @ (or a tab/CR) is prefixed with ' so Excel shows it instead of
/// running it as a formula (CSV/formula injection).</summary>
public static class Cell
{
    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
