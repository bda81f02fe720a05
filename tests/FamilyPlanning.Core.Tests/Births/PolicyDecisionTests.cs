using FamilyPlanning.Core.Births;

namespace FamilyPlanning.Core.Tests.Births;

public class PolicyDecisionTests
{
    private static readonly PolicyRule[] Rules = PolicyRule.Defaults;

    [Theory]
    [InlineData("2015-12-31", 0, false, PolicyStatus.Compliant)]
    [InlineData("2015-12-31", 1, false, PolicyStatus.OutOfPolicy)]
    [InlineData("2015-12-31", 1, true, PolicyStatus.Compliant)]
    [InlineData("2016-01-01", 1, false, PolicyStatus.Compliant)]
    [InlineData("2021-05-30", 2, false, PolicyStatus.OutOfPolicy)]
    [InlineData("2021-05-31", 2, false, PolicyStatus.Compliant)]
    [InlineData("2024-03-01", 3, false, PolicyStatus.OutOfPolicy)]
    [InlineData("2024-03-01", 3, true, PolicyStatus.Compliant)]
    public void Decide_FollowsTheDatedTable(string date, int before, bool permit, PolicyStatus expected) =>
        Assert.Equal(expected, PolicyDecision.Decide(Rules, DateOnly.Parse(date), before, permit).status);

    [Fact]
    public void Decide_OutOfPolicy_ExplainsInChinese() =>
        Assert.Equal("生育前已有2个孩子，超过2016-01-01起政策允许的2个",
            PolicyDecision.Decide(Rules, new DateOnly(2019, 6, 1), 2, false).reason);

    [Fact]
    public void RuleOn_PicksTheLatestRuleStartedByTheDate()
    {
        Assert.Equal(2, PolicyDecision.RuleOn(Rules, new DateOnly(2021, 5, 30))!.MaxChildren);
        Assert.Equal(3, PolicyDecision.RuleOn(Rules, new DateOnly(2021, 5, 31))!.MaxChildren);
        Assert.Null(PolicyDecision.RuleOn(Rules, new DateOnly(1970, 1, 1)));
    }
}
