namespace FamilyPlanning.Core.Births;

/// <summary>Pure rules for parity and policy status of one delivery (docs/domain.md §2).</summary>
public static class PolicyDecision
{
    /// <summary>The rule in force on a date: the latest row whose start is on or before it.</summary>
    public static PolicyRule? RuleOn(IEnumerable<PolicyRule> rules, DateOnly date) =>
        rules.Where(r => r.EffectiveFrom <= date).MaxBy(r => r.EffectiveFrom);

    /// <summary>
    /// A delivery is compliant when the mother had fewer children before it than the maximum in force, or a permit covers
    /// it. Twins are judged together, so a second twin does not make a compliant delivery 政策外.
    /// </summary>
    public static (PolicyStatus status, string reason) Decide(IEnumerable<PolicyRule> rules, DateOnly date, int childrenBefore,
        bool hasPermit)
    {
        var rule = RuleOn(rules, date);
        if (rule is null) return (PolicyStatus.Compliant, "政策规则表中没有该日期适用的规则，按符合政策处理");
        if (childrenBefore < rule.MaxChildren)
            return (PolicyStatus.Compliant, $"生育前已有{childrenBefore}个孩子，{rule.EffectiveFrom:yyyy-MM-dd}起政策允许{rule.MaxChildren}个");
        if (hasPermit)
            return (PolicyStatus.Compliant, $"生育前已有{childrenBefore}个孩子，持再生育审批");
        return (PolicyStatus.OutOfPolicy, $"生育前已有{childrenBefore}个孩子，超过{rule.EffectiveFrom:yyyy-MM-dd}起政策允许的{rule.MaxChildren}个");
    }
}
