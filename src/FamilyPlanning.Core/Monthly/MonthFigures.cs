using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Indicators;

namespace FamilyPlanning.Core.Monthly;

/// <summary>The columns of 国人口统1表 and 统2表 for one township-month, plus the headline indicators: what a submission and an
/// approval freeze, and what a reopened month is compared against.</summary>
public sealed record MonthFigures(Dictionary<string, string> Values)
{
    public static readonly (string key, string name)[] Columns =
    [
        ("population", "期末人口总数"), ("married_wcba", "期末已婚育龄妇女"), ("one_child_certificates", "期末领取独生子女证人数"),
        ("births", "本期出生"), ("earlier_years_reported", "往年出生未报"),
        ("first_child", "一孩"), ("first_compliant", "一孩（其中计划内）"), ("second_child", "二孩"), ("second_compliant", "二孩（其中计划内）"),
        ("multi_child", "多孩"), ("multi_compliant", "多孩（其中计划内）"),
        ("method_total", "选用避孕方法人数 小计"), ("m_male_st", "男性绝育"), ("m_female_st", "女性绝育"), ("m_iud", "宫内节育器"),
        ("m_implant", "皮下埋植"), ("m_pill", "口服及注射药"), ("m_condom", "避孕套"), ("m_topical", "外用药"), ("m_other", "其它"),
        ("proc_total", "计划生育手术 小计"), ("p_vasectomy", "男扎"), ("p_tubal", "女扎"), ("p_iud_in", "放环"), ("p_iud_out", "取环"),
        ("p_abortion", "人流"), ("p_induced", "引产"), ("p_implant", "皮埋"),
        ("boys", "男婴"), ("girls", "女婴"), ("deaths", "死亡人数"),
        ("birth_rate", "出生率"), ("planned_birth_rate", "计划生育率"), ("sex_ratio", "出生人口性别比"),
    ];

    public static MonthFigures From(IndicatorCounts c, List<Figure> figures)
    {
        var f = figures.ToDictionary(x => x.Key, x => x.Text);
        long M(Method m) => c.Methods.GetValueOrDefault(m);
        long P(ContraceptiveType t) => c.Procedure(t);
        var v = new Dictionary<string, long>
        {
            ["population"] = c.PopulationEnd,
            ["married_wcba"] = c.MarriedWcba,
            ["one_child_certificates"] = c.OneChildCertificates,
            ["births"] = c.Births,
            ["earlier_years_reported"] = c.EarlierYearsReported,
            ["first_child"] = c.ByParity[0],
            ["first_compliant"] = c.CompliantByParity[0],
            ["second_child"] = c.ByParity[1],
            ["second_compliant"] = c.CompliantByParity[1],
            ["multi_child"] = c.ByParity[2],
            ["multi_compliant"] = c.CompliantByParity[2],
            ["method_total"] = c.WithMethod,
            ["m_male_st"] = M(Method.MaleSterilisation),
            ["m_female_st"] = M(Method.FemaleSterilisation),
            ["m_iud"] = M(Method.Iud),
            ["m_implant"] = M(Method.Implant),
            ["m_pill"] = M(Method.PillOrInjection),
            ["m_condom"] = M(Method.Condom),
            ["m_topical"] = M(Method.Topical),
            ["m_other"] = M(Method.Other),
            ["p_vasectomy"] = P(ContraceptiveType.Vasectomy),
            ["p_tubal"] = P(ContraceptiveType.TubalLigation),
            ["p_iud_in"] = P(ContraceptiveType.IudInsertion),
            ["p_iud_out"] = P(ContraceptiveType.IudRemoval),
            ["p_abortion"] = P(ContraceptiveType.Abortion),
            ["p_induced"] = P(ContraceptiveType.InducedLabour),
            ["p_implant"] = P(ContraceptiveType.ImplantInsertion),
            ["boys"] = c.Boys,
            ["girls"] = c.Girls,
            ["deaths"] = c.Deaths,
        };
        v["proc_total"] = v["p_vasectomy"] + v["p_tubal"] + v["p_iud_in"] + v["p_iud_out"] + v["p_abortion"] + v["p_induced"] + v["p_implant"];
        var values = v.ToDictionary(x => x.Key, x => x.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var k in new[] { "birth_rate", "planned_birth_rate", "sex_ratio" }) values[k] = f[k];
        return new MonthFigures(values);
    }

    /// <summary>The columns whose value differs from an earlier snapshot: (name, before, now).</summary>
    public List<(string name, string before, string now)> DiffFrom(MonthFigures earlier) =>
        Columns.Where(c => earlier.Values.GetValueOrDefault(c.key) != Values.GetValueOrDefault(c.key))
            .Select(c => (c.name, earlier.Values.GetValueOrDefault(c.key) ?? "", Values.GetValueOrDefault(c.key) ?? "")).ToList();
}
