using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Indicators;

namespace FamilyPlanning.Core.Tests.Indicators;

public class PeriodTests
{
    [Theory]
    [InlineData("2026", 1, "2026-01-01", "2026-12-31")]
    [InlineData("2026H1", 1, "2026-01-01", "2026-06-30")]
    [InlineData("2026h2", 1, "2026-07-01", "2026-12-31")]
    [InlineData("2026Q2", 1, "2026-04-01", "2026-06-30")]
    [InlineData("2026-02", 1, "2026-02-01", "2026-02-28")]
    [InlineData("2026", 10, "2025-10-01", "2026-09-30")]
    [InlineData("2026H1", 10, "2025-10-01", "2026-03-31")]
    [InlineData("2026H2", 10, "2026-04-01", "2026-09-30")]
    [InlineData("2026Q1", 10, "2025-10-01", "2025-12-31")]
    public void Parse_FollowsTheYearStart(string code, int yearStart, string from, string to)
    {
        var p = Period.Parse(code, yearStart);
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (p.From, p.To));
    }

    [Fact]
    public void SameLastYear_ShiftsBothEnds() =>
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)), Period.Parse("2026H1", 1).SameLastYear() is var l ? (l.From, l.To) : default);

    [Theory]
    [InlineData("2026H3", "期间格式应为")]
    [InlineData("2026-13", "月份应为 01–12")]
    [InlineData("二〇二六", "期间格式应为")]
    [InlineData("", "期间格式应为")]
    [InlineData("1900", "年份应在1980–2100之间")]
    public void Parse_Bad_GivesAChineseMessage(string code, string message) =>
        Assert.Contains(message, Assert.Throws<RuleViolation>(() => Period.Parse(code, 1)).Message);

    [Fact]
    public void CustomRange_AndCurrentHalf()
    {
        Assert.Equal(11, Period.Parse(null, 1, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11)).Days);
        Assert.Throws<RuleViolation>(() => Period.Parse(null, 1, new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1)));
        Assert.Equal("2026H2", Period.CurrentHalf(new DateOnly(2026, 11, 29), 1));
        Assert.Equal("2027H1", Period.CurrentHalf(new DateOnly(2026, 11, 29), 10));
        Assert.Equal("2026H2", Period.CurrentHalf(new DateOnly(2026, 5, 10), 10));
    }
}
