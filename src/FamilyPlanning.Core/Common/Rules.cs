namespace FamilyPlanning.Core.Common;

/// <summary>Small data rules shared by the register services; each throws a <see cref="RuleViolation"/> naming the field.</summary>
public static class Rules
{
    public static void NotInFuture(DateOnly? date, DateOnly today, string field, string label)
    {
        if (date > today) throw new RuleViolation(field, $"{label}不能晚于今天（{today:yyyy-MM-dd}）");
    }

    public static void NotBefore(DateOnly? date, DateOnly earliest, string field, string label, string earliestLabel)
    {
        if (date < earliest) throw new RuleViolation(field, $"{label}不能早于{earliestLabel}（{earliest:yyyy-MM-dd}）");
    }

    public static string Required(string? value, string field, string label) =>
        string.IsNullOrWhiteSpace(value) ? throw new RuleViolation(field, $"请填写{label}") : value.Trim();

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
