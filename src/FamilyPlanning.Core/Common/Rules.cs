namespace FamilyPlanning.Core.Common;

/// <summary>Small data rules shared by the register rules. Each comes twice: a finder that returns the broken rule (null
/// when it holds), for the import that reports every broken rule of a row, and a check that throws it, for a page.</summary>
public static class Rules
{
    public static RuleViolation? InFuture(DateOnly? date, DateOnly today, string field, string label) =>
        date > today ? new RuleViolation(field, $"{label}不能晚于今天（{today:yyyy-MM-dd}）") : null;

    public static RuleViolation? Before(DateOnly? date, DateOnly earliest, string field, string label, string earliestLabel) =>
        date < earliest ? new RuleViolation(field, $"{label}不能早于{earliestLabel}（{earliest:yyyy-MM-dd}）") : null;

    public static void NotInFuture(DateOnly? date, DateOnly today, string field, string label) =>
        ThrowFirst([InFuture(date, today, field, label)]);

    public static void NotBefore(DateOnly? date, DateOnly earliest, string field, string label, string earliestLabel) =>
        ThrowFirst([Before(date, earliest, field, label, earliestLabel)]);

    /// <summary>A page stops at the first broken rule of a list (nulls are rules that hold).</summary>
    public static void ThrowFirst(IEnumerable<RuleViolation?> violations)
    {
        if (violations.FirstOrDefault(v => v is not null) is { } first) throw first;
    }

    public static string Required(string? value, string field, string label) =>
        string.IsNullOrWhiteSpace(value) ? throw new RuleViolation(field, $"请填写{label}") : value.Trim();

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
