using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Subsidies;
using static FamilyPlanning.Core.Indicators.Direction;

namespace FamilyPlanning.Core.Indicators;

/// <summary>
/// Every indicator the portal shows, declared once (docs/domain.md gives each in words). The dashboard cards and tables,
/// the JSON API, the monthly report's form columns, the exports and the half-year summary (PDF and preview) are lists of
/// these members; no page or report names an indicator by a string.
/// </summary>
public static class Catalogue
{
    public const int SexRatioMinimumBirths = 100;
    public const decimal SexRatioLow = 103m, SexRatioHigh = 107m;

    private static Indicator Count(string key, string name, Func<IndicatorCounts, long> count, Direction d = Neutral) =>
        new(key, name, Unit.Count, d, x => count(x.Counts));

    private static Indicator Rate(string key, string name, Unit unit, Direction d, Func<FigureInputs, decimal?> numerator,
        Func<FigureInputs, decimal?> denominator, Func<FigureInputs, decimal?, string?>? flag = null) =>
        new(key, name, unit, d, numerator, denominator, unit is Unit.PerMille ? 1000 : 100, flag);

    public static readonly Indicator Population = Count("population", "期末总人口", c => c.PopulationEnd);
    public static readonly Indicator AveragePopulation = new("average_population", "平均人口", Unit.Count, Neutral, x => x.AveragePopulation);
    public static readonly Indicator InMigrants = Count("in_migrants", "流入流动人口", c => c.InMigrantsEnd);
    public static readonly Indicator Births = Count("births", "出生人数", c => c.Births);
    public static readonly Indicator Boys = Count("boys", "男婴", c => c.Boys);
    public static readonly Indicator Girls = Count("girls", "女婴", c => c.Girls);
    public static readonly Indicator BirthRate = Rate("birth_rate", "出生率", Unit.PerMille, Neutral, x => x.Counts.Births, x => x.AveragePopulation);
    public static readonly Indicator Deaths = Count("deaths", "死亡人数", c => c.Deaths);
    public static readonly Indicator DeathRate = Rate("death_rate", "死亡率", Unit.PerMille, Neutral, x => x.Counts.Deaths, x => x.AveragePopulation);
    public static readonly Indicator NaturalGrowthRate = Rate("natural_growth_rate", "自然增长率", Unit.PerMille, Neutral,
        x => x.Counts.Births - x.Counts.Deaths, x => x.AveragePopulation);
    public static readonly Indicator CompliantBirths = Count("compliant_births", "计划内出生", c => c.Compliant);
    public static readonly Indicator PlannedBirthRate = Rate("planned_birth_rate", "计划生育率", Unit.Percent, HigherIsBetter,
        x => x.Counts.Compliant, x => x.Counts.Births,
        (x, v) => x.Target?.PlannedBirthRateTarget is { } t && v < t ? $"低于目标{t:F2}%" : null);
    public static readonly Indicator SecondChildCompliance = Rate("second_child_compliance", "二孩计生率", Unit.Percent, HigherIsBetter,
        x => x.Counts.CompliantByParity[1], x => x.Counts.ByParity[1]);
    public static readonly Indicator FirstChildShare = Rate("first_child_share", "一孩率", Unit.Percent, Neutral, x => x.Counts.ByParity[0], x => x.Counts.Births);
    public static readonly Indicator SecondChildShare = Rate("second_child_share", "二孩率", Unit.Percent, Neutral, x => x.Counts.ByParity[1], x => x.Counts.Births);
    public static readonly Indicator MultiChildShare = Rate("multi_child_share", "多孩率", Unit.Percent, LowerIsBetter, x => x.Counts.ByParity[2], x => x.Counts.Births);
    public static readonly Indicator OutOfPolicyMultiRate = Rate("out_of_policy_multi_rate", "政策外多孩率", Unit.Percent, LowerIsBetter,
        x => x.Counts.ByParity[2] - x.Counts.CompliantByParity[2], x => x.Counts.Births);
    public static readonly Indicator FirstChild = Count("first_child", "一孩", c => c.ByParity[0]);
    public static readonly Indicator SecondChild = Count("second_child", "二孩", c => c.ByParity[1]);
    public static readonly Indicator MultiChild = Count("multi_child", "多孩", c => c.ByParity[2], LowerIsBetter);
    public static readonly Indicator SexRatio = Rate("sex_ratio", "出生人口性别比", Unit.Ratio, Neutral, x => x.Counts.Boys, x => x.Counts.Girls,
        (x, v) => x.Counts.Births >= SexRatioMinimumBirths && v is { } r && (r < SexRatioLow || r > SexRatioHigh)
            ? $"性别比{r:F1}，超出正常范围103–107" : null);
    public static readonly Indicator MarriedWcba = Count("married_wcba", "已婚育龄妇女", c => c.MarriedWcba);
    public static readonly Indicator UnregisteredMarriedWcba = new("unregistered_married_wcba", "已婚育龄妇女未建档", Unit.Count, LowerIsBetter,
        x => x.Counts.UnregisteredMarriedWcba, flag: (x, _) => x.Counts.UnregisteredMarriedWcba > 0 ? UnregisteredWomen.Flag(x.Counts.UnregisteredMarriedWcba) : null);
    /// <summary>Numerator and denominator are the same women: exempt women leave both, so prevalence never passes 100%.</summary>
    public static readonly Indicator ContraceptivePrevalence = Rate("contraceptive_prevalence", "综合节育率", Unit.Percent, HigherIsBetter,
        x => x.Counts.WithMethod - (x.ExcludeExempt ? x.Counts.ExemptWithMethod : 0),
        x => x.Counts.MarriedWcba - (x.ExcludeExempt ? x.Counts.MarriedWcbaExempt : 0));
    public static readonly Indicator Sterilisations = new("sterilisations", "结扎", Unit.Count, Neutral, x => x.Sterilisations);
    public static readonly Indicator IudInsertions = Count("iud_insertions", "放环", c => c.Procedure(ContraceptiveType.IudInsertion));
    public static readonly Indicator IudRemovals = Count("iud_removals", "取环", c => c.Procedure(ContraceptiveType.IudRemoval));
    public static readonly Indicator Implants = Count("implants", "皮埋", c => c.Procedure(ContraceptiveType.ImplantInsertion));
    public static readonly Indicator Abortions = Count("abortions", "人流", c => c.Procedure(ContraceptiveType.Abortion), LowerIsBetter);
    public static readonly Indicator InducedLabours = Count("induced_labours", "引产", c => c.Procedure(ContraceptiveType.InducedLabour), LowerIsBetter);
    public static readonly Indicator FourProcedures = new("four_procedures", "四术合计", Unit.Count, Neutral, x => x.FourProcedures);
    public static readonly Indicator FourProceduresTask = new("four_procedures_task", "四术全年任务", Unit.Count, Neutral, x => x.Target?.ProcedureTask);
    public static readonly Indicator FourProceduresCompletion = Rate("four_procedures_completion", "四术完成率", Unit.Percent, HigherIsBetter,
        x => x.FourProcedures, x => x.Target?.ProcedureTask);
    public static readonly Indicator AbortionRatio = Rate("abortion_ratio", "人流比", Unit.Abortion, LowerIsBetter,
        x => x.Counts.Procedure(ContraceptiveType.Abortion), x => x.Counts.Births);
    public static readonly Indicator BirthTarget = new("birth_target", "全年控制指标", Unit.Count, Neutral, x => x.Target?.BirthTarget);
    public static readonly Indicator BirthTargetShare = Rate("birth_target_share", "占全年控制指标", Unit.Percent, LowerIsBetter,
        x => x.Counts.Births, x => x.Target?.BirthTarget,
        (x, v) => x.ElapsedShareOfYear is { } share && x.Target?.BirthTarget is { } b && b > 0 && x.Counts.Births > b * share * 1.1m
            ? $"已用全年控制指标{v:F2}%，快于时间进度{share * 100:F0}%" : null);
    public static readonly Indicator LateReports = Count("late_reports", "补报出生", c => c.LateReports, LowerIsBetter);
    public static readonly Indicator EarlierYearsReported = Count("earlier_years_reported", "往年出生未报", c => c.EarlierYearsReported, LowerIsBetter);
    public static readonly Indicator OneChildCertificates = Count("one_child_certificates", "期末领取独生子女证人数", c => c.OneChildCertificates);
    public static readonly Indicator InMigrantBirths = Count("in_migrant_births", "流入人口出生", c => c.InMigrantBirths);
    public static readonly Indicator InMigrantMarriedWcba = Count("in_migrant_married_wcba", "流入已婚育龄妇女", c => c.InMigrantMarriedWcba);
    public static readonly Indicator InMigrantPrevalence = Rate("in_migrant_prevalence", "流入人口综合节育率", Unit.Percent, HigherIsBetter,
        x => x.Counts.InMigrantWithMethod - (x.ExcludeExempt ? x.Counts.InMigrantExemptWithMethod : 0),
        x => x.Counts.InMigrantMarriedWcba - (x.ExcludeExempt ? x.Counts.InMigrantExempt : 0));

    // The columns of 国人口统1表 and 统2表 that are counts of their own (the monthly report freezes them).
    public static readonly Indicator FirstChildCompliant = Count("first_compliant", "一孩（其中计划内）", c => c.CompliantByParity[0]);
    public static readonly Indicator SecondChildCompliant = Count("second_compliant", "二孩（其中计划内）", c => c.CompliantByParity[1]);
    public static readonly Indicator MultiChildCompliant = Count("multi_compliant", "多孩（其中计划内）", c => c.CompliantByParity[2]);
    public static readonly Indicator WithMethod = Count("method_total", "选用避孕方法人数", c => c.WithMethod);
    public static readonly IReadOnlyDictionary<Method, Indicator> ByMethod = new Dictionary<Method, Indicator>
    {
        [Method.MaleSterilisation] = Count("m_male_st", "男性绝育", c => c.Methods.GetValueOrDefault(Method.MaleSterilisation)),
        [Method.FemaleSterilisation] = Count("m_female_st", "女性绝育", c => c.Methods.GetValueOrDefault(Method.FemaleSterilisation)),
        [Method.Iud] = Count("m_iud", "宫内节育器", c => c.Methods.GetValueOrDefault(Method.Iud)),
        [Method.Implant] = Count("m_implant", "皮下埋植", c => c.Methods.GetValueOrDefault(Method.Implant)),
        [Method.PillOrInjection] = Count("m_pill", "口服及注射药", c => c.Methods.GetValueOrDefault(Method.PillOrInjection)),
        [Method.Condom] = Count("m_condom", "避孕套", c => c.Methods.GetValueOrDefault(Method.Condom)),
        [Method.Topical] = Count("m_topical", "外用药", c => c.Methods.GetValueOrDefault(Method.Topical)),
        [Method.Other] = Count("m_other", "其它", c => c.Methods.GetValueOrDefault(Method.Other)),
    };
    public static readonly IReadOnlyDictionary<ContraceptiveType, Indicator> ByProcedure = new Dictionary<ContraceptiveType, Indicator>
    {
        [ContraceptiveType.Vasectomy] = Count("p_vasectomy", "男扎", c => c.Procedure(ContraceptiveType.Vasectomy)),
        [ContraceptiveType.TubalLigation] = Count("p_tubal", "女扎", c => c.Procedure(ContraceptiveType.TubalLigation)),
        [ContraceptiveType.IudInsertion] = Count("p_iud_in", "放环", c => c.Procedure(ContraceptiveType.IudInsertion)),
        [ContraceptiveType.IudRemoval] = Count("p_iud_out", "取环", c => c.Procedure(ContraceptiveType.IudRemoval)),
        [ContraceptiveType.Abortion] = Count("p_abortion", "人流", c => c.Procedure(ContraceptiveType.Abortion)),
        [ContraceptiveType.InducedLabour] = Count("p_induced", "引产", c => c.Procedure(ContraceptiveType.InducedLabour)),
        [ContraceptiveType.ImplantInsertion] = Count("p_implant", "皮埋", c => c.Procedure(ContraceptiveType.ImplantInsertion)),
    };
    public static readonly Indicator ProcedureTotal = Count("proc_total", "计划生育手术", c => ByProcedure.Keys.Sum(c.Procedure));

    public enum SubsidyFigure { New, Continuing, Exited, Paid }

    private static readonly Dictionary<(Programme, SubsidyFigure), Indicator> SubsidyMembers =
        Enum.GetValues<Programme>().SelectMany(p => Enum.GetValues<SubsidyFigure>().Select(f => (p, f)))
            .ToDictionary(x => x, x => MakeSubsidy(x.p, x.f));

    /// <summary>Per programme: beneficiaries new, continuing and exited in the period, and the amount paid for its months
    /// (API keys reward_support_new, special_support_paid, …).</summary>
    public static Indicator Subsidy(Programme p, SubsidyFigure f) => SubsidyMembers[(p, f)];

    /// <summary>The prefix of a programme's keys.</summary>
    public static string SubsidyKey(Programme p) =>
        p switch { Programme.RewardSupport => "reward_support", Programme.SpecialSupport => "special_support", _ => "one_child_reward" };

    private static Indicator MakeSubsidy(Programme p, SubsidyFigure f)
    {
        var key = SubsidyKey(p);
        SubsidyCounts S(IndicatorCounts c) => c.Subsidies.GetValueOrDefault(p, new SubsidyCounts());
        return f switch
        {
            SubsidyFigure.New => Count($"{key}_new", SubsidyNames.Of(p) + "新增", c => S(c).New),
            SubsidyFigure.Continuing => Count($"{key}_continuing", SubsidyNames.Of(p) + "继续享受", c => S(c).Continuing),
            SubsidyFigure.Exited => Count($"{key}_exited", SubsidyNames.Of(p) + "退出", c => S(c).Exited),
            _ => new($"{key}_paid", SubsidyNames.Of(p) + "发放金额", Unit.Yuan, Neutral, x => S(x.Counts).Paid),
        };
    }

    /// <summary>Every member, in the order the API and the exports list them.</summary>
    public static readonly IReadOnlyList<Indicator> All =
    [
        Population, AveragePopulation, InMigrants, Births, Boys, Girls, BirthRate, Deaths, DeathRate, NaturalGrowthRate,
        CompliantBirths, PlannedBirthRate, SecondChildCompliance, FirstChildShare, SecondChildShare, MultiChildShare,
        OutOfPolicyMultiRate, FirstChild, SecondChild, MultiChild, SexRatio, MarriedWcba, UnregisteredMarriedWcba,
        ContraceptivePrevalence, Sterilisations, IudInsertions, IudRemovals, Implants, Abortions, InducedLabours, FourProcedures,
        FourProceduresTask, FourProceduresCompletion, AbortionRatio, BirthTarget, BirthTargetShare, LateReports,
        EarlierYearsReported, OneChildCertificates, .. SubsidyMembers.Values, InMigrantBirths, InMigrantMarriedWcba,
        InMigrantPrevalence, FirstChildCompliant, SecondChildCompliant, MultiChildCompliant, WithMethod, .. ByMethod.Values,
        ProcedureTotal, .. ByProcedure.Values,
    ];

    /// <summary>The dashboard's cards.</summary>
    public static readonly IReadOnlyList<Indicator> Cards =
    [
        Population, Births, BirthRate, PlannedBirthRate, SexRatio, NaturalGrowthRate, ContraceptivePrevalence, FourProcedures,
        BirthTargetShare, SecondChildCompliance, DeathRate, AbortionRatio,
    ];

    /// <summary>The dashboard's township table.</summary>
    public static readonly IReadOnlyList<Indicator> TownshipTable =
    [
        Population, Births, BirthRate, PlannedBirthRate, SecondChildCompliance, MultiChildShare, SexRatio, NaturalGrowthRate,
        ContraceptivePrevalence, FourProceduresCompletion, BirthTargetShare, LateReports,
    ];

    /// <summary>流入 figures, reported apart from the 户籍 ones (dashboard and summary 表2附).</summary>
    public static readonly IReadOnlyList<Indicator> InMigrantFigures = [InMigrants, InMigrantBirths, InMigrantMarriedWcba, InMigrantPrevalence];

    public static List<Figure> Evaluate(FigureInputs x) => All.Select(i => i.Evaluate(x)).ToList();
}
