using System.Globalization;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Subsidies;

namespace FamilyPlanning.Core.Indicators;

public enum Unit { Count, PerMille, Percent, Ratio, Abortion, Yuan }

/// <summary>One figure: its value (null when the denominator is empty), how to show it, and a flag when it needs a look.</summary>
public sealed record Figure(string Key, string Name, decimal? Value, Unit Unit, string? Flag = null)
{
    public string Text => Format(Value, Unit);

    public static string Format(decimal? value, Unit unit) => value is not { } v ? "—" : unit switch
    {
        Unit.PerMille => v.ToString("F2", CultureInfo.InvariantCulture) + "‰",
        Unit.Percent => v.ToString("F2", CultureInfo.InvariantCulture) + "%",
        Unit.Ratio => v.ToString("F1", CultureInfo.InvariantCulture),
        Unit.Abortion => "100:" + v.ToString("F2", CultureInfo.InvariantCulture),
        Unit.Yuan => v.ToString("N2", CultureInfo.InvariantCulture) + "元",
        _ => v == decimal.Truncate(v) ? v.ToString("F0", CultureInfo.InvariantCulture) : v.ToString("F1", CultureInfo.InvariantCulture),
    };

    /// <summary>A change from last year at the indicator's own precision: percentages in 个百分点, per-mille rates in 个千分点,
    /// the abortion ratio's x in 100:x to 2 decimals, the sex ratio to 1, counts as counts.</summary>
    public static string FormatChange(decimal change, Unit unit) => unit switch
    {
        Unit.Percent => change.ToString("F2", CultureInfo.InvariantCulture) + "个百分点",
        Unit.PerMille => change.ToString("F2", CultureInfo.InvariantCulture) + "个千分点",
        Unit.Abortion => change.ToString("F2", CultureInfo.InvariantCulture),
        _ => Format(change, unit),
    };
}

/// <summary>
/// DOMAIN.md §4 as pure arithmetic: % and ‰ rounded half away from zero to 2 decimals, the sex ratio to 1, and no value
/// (shown "—") when a denominator is zero. Period rates are not annualised.
/// </summary>
public static class IndicatorMath
{
    public const int SexRatioMinimumBirths = 100;
    public const decimal SexRatioLow = 103m, SexRatioHigh = 107m;

    public static decimal? Rate(decimal numerator, decimal denominator, decimal scale, int decimals) =>
        denominator == 0 ? null : Math.Round(numerator / denominator * scale, decimals, MidpointRounding.AwayFromZero);

    /// <summary>The API key of a subsidy programme's figures: reward_support_new, special_support_paid, …</summary>
    public static string SubsidyKey(Programme p) => p switch
    {
        Programme.RewardSupport => "reward_support",
        Programme.SpecialSupport => "special_support",
        _ => "one_child_reward",
    };

    /// <summary>Per programme: beneficiaries new, continuing and exited in the period, and the amount paid for its months.</summary>
    private static IEnumerable<Figure> SubsidyFigures(IndicatorCounts c) =>
        Enum.GetValues<Programme>().SelectMany(p =>
        {
            var s = c.Subsidies.GetValueOrDefault(p, new SubsidyCounts());
            var (key, name) = (SubsidyKey(p), SubsidyNames.Of(p));
            return new Figure[]
            {
                new($"{key}_new", name + "新增", s.New, Unit.Count),
                new($"{key}_continuing", name + "继续享受", s.Continuing, Unit.Count),
                new($"{key}_exited", name + "退出", s.Exited, Unit.Count),
                new($"{key}_paid", name + "发放金额", s.Paid, Unit.Yuan),
            };
        });

    public static List<Figure> Compute(IndicatorCounts c, Target? target, bool excludeExempt, decimal? elapsedShareOfYear = null)
    {
        var average = (c.PopulationStart + c.PopulationEnd) / 2m;
        // Numerator and denominator are the same women: exempt women leave both, so prevalence never passes 100%.
        var prevalenceBase = c.MarriedWcba - (excludeExempt ? c.MarriedWcbaExempt : 0);
        var prevalenceWith = c.WithMethod - (excludeExempt ? c.ExemptWithMethod : 0);
        var sterilisations = c.Procedure(ContraceptiveType.TubalLigation) + c.Procedure(ContraceptiveType.Vasectomy);
        var iud = c.Procedure(ContraceptiveType.IudInsertion);
        var abortions = c.Procedure(ContraceptiveType.Abortion);
        var induced = c.Procedure(ContraceptiveType.InducedLabour);
        var fourTotal = sterilisations + iud + abortions + induced;
        var sexRatio = Rate(c.Boys, c.Girls, 100, 1);
        var planned = Rate(c.Compliant, c.Births, 100, 2);
        var targetShare = target?.BirthTarget is { } bt ? Rate(c.Births, bt, 100, 2) : null;

        string? SexFlag() => c.Births >= SexRatioMinimumBirths && sexRatio is { } r && (r < SexRatioLow || r > SexRatioHigh)
            ? $"性别比{r:F1}，超出正常范围103–107" : null;
        string? PlannedFlag() => target?.PlannedBirthRateTarget is { } t && planned < t ? $"低于目标{t:F2}%" : null;
        string? PaceFlag() => elapsedShareOfYear is { } share && target?.BirthTarget is { } b && b > 0 && c.Births > b * share * 1.1m
            ? $"已用全年控制指标{targetShare:F2}%，快于时间进度{share * 100:F0}%" : null;

        return
        [
            new("population", "期末总人口", c.PopulationEnd, Unit.Count),
            new("average_population", "平均人口", average, Unit.Count),
            new("in_migrants", "流入流动人口", c.InMigrantsEnd, Unit.Count),
            new("births", "出生人数", c.Births, Unit.Count),
            new("boys", "男婴", c.Boys, Unit.Count),
            new("girls", "女婴", c.Girls, Unit.Count),
            new("birth_rate", "出生率", Rate(c.Births, average, 1000, 2), Unit.PerMille),
            new("deaths", "死亡人数", c.Deaths, Unit.Count),
            new("death_rate", "死亡率", Rate(c.Deaths, average, 1000, 2), Unit.PerMille),
            new("natural_growth_rate", "自然增长率", Rate(c.Births - c.Deaths, average, 1000, 2), Unit.PerMille),
            new("compliant_births", "计划内出生", c.Compliant, Unit.Count),
            new("planned_birth_rate", "计划生育率", planned, Unit.Percent, PlannedFlag()),
            new("second_child_compliance", "二孩计生率", Rate(c.CompliantByParity[1], c.ByParity[1], 100, 2), Unit.Percent),
            new("first_child_share", "一孩率", Rate(c.ByParity[0], c.Births, 100, 2), Unit.Percent),
            new("second_child_share", "二孩率", Rate(c.ByParity[1], c.Births, 100, 2), Unit.Percent),
            new("multi_child_share", "多孩率", Rate(c.ByParity[2], c.Births, 100, 2), Unit.Percent),
            new("out_of_policy_multi_rate", "政策外多孩率", Rate(c.ByParity[2] - c.CompliantByParity[2], c.Births, 100, 2), Unit.Percent),
            new("first_child", "一孩", c.ByParity[0], Unit.Count),
            new("second_child", "二孩", c.ByParity[1], Unit.Count),
            new("multi_child", "多孩", c.ByParity[2], Unit.Count),
            new("sex_ratio", "出生人口性别比", sexRatio, Unit.Ratio, SexFlag()),
            new("married_wcba", "已婚育龄妇女", c.MarriedWcba, Unit.Count),
            new("unregistered_married_wcba", "已婚育龄妇女未建档", c.UnregisteredMarriedWcba, Unit.Count,
                c.UnregisteredMarriedWcba > 0 ? UnregisteredWomen.Flag(c.UnregisteredMarriedWcba) : null),
            new("contraceptive_prevalence", "综合节育率", Rate(prevalenceWith, prevalenceBase, 100, 2), Unit.Percent),
            new("sterilisations", "结扎", sterilisations, Unit.Count),
            new("iud_insertions", "放环", iud, Unit.Count),
            new("iud_removals", "取环", c.Procedure(ContraceptiveType.IudRemoval), Unit.Count),
            new("implants", "皮埋", c.Procedure(ContraceptiveType.ImplantInsertion), Unit.Count),
            new("abortions", "人流", abortions, Unit.Count),
            new("induced_labours", "引产", induced, Unit.Count),
            new("four_procedures", "四术合计", fourTotal, Unit.Count),
            new("four_procedures_task", "四术全年任务", target?.ProcedureTask, Unit.Count),
            new("four_procedures_completion", "四术完成率", target?.ProcedureTask is { } task ? Rate(fourTotal, task, 100, 2) : null, Unit.Percent),
            new("abortion_ratio", "人流比", Rate(abortions, c.Births, 100, 2), Unit.Abortion),
            new("birth_target", "全年控制指标", target?.BirthTarget, Unit.Count),
            new("birth_target_share", "占全年控制指标", targetShare, Unit.Percent, PaceFlag()),
            new("late_reports", "补报出生", c.LateReports, Unit.Count),
            new("earlier_years_reported", "往年出生未报", c.EarlierYearsReported, Unit.Count),
            new("one_child_certificates", "期末领取独生子女证人数", c.OneChildCertificates, Unit.Count),
            .. SubsidyFigures(c),
            new("in_migrant_births", "流入人口出生", c.InMigrantBirths, Unit.Count),
            new("in_migrant_married_wcba", "流入已婚育龄妇女", c.InMigrantMarriedWcba, Unit.Count),
            new("in_migrant_prevalence", "流入人口综合节育率", Rate(
                c.InMigrantWithMethod - (excludeExempt ? c.InMigrantExemptWithMethod : 0),
                c.InMigrantMarriedWcba - (excludeExempt ? c.InMigrantExempt : 0), 100, 2), Unit.Percent),
        ];
    }
}
