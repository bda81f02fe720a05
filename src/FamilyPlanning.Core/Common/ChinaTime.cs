namespace FamilyPlanning.Core.Common;

/// <summary>China Standard Time (UTC+8, no daylight saving): the calendar every date in the portal means.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    public static DateTimeOffset ToChina(DateTimeOffset at) => at.ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
