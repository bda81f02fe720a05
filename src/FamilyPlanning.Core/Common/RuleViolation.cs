namespace FamilyPlanning.Core.Common;

/// <summary>A data rule the input broke. <see cref="Field"/> names the input property (null for the whole form);
/// <see cref="Exception.Message"/> is the Chinese text shown to the user.</summary>
public sealed class RuleViolation(string? field, string message) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The record does not exist, or the user may not see it: the two are deliberately the same answer.</summary>
public sealed class NotFoundOrForbidden(string what) : Exception($"{what}不存在或无权访问");

/// <summary>Someone else saved the record after this user loaded it.</summary>
public sealed class ConcurrencyConflict() : Exception("该记录已被他人修改，请重新打开后再保存。您的修改未保存。");
