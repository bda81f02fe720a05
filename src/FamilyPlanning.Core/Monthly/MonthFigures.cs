using FamilyPlanning.Core.Indicators;
using static FamilyPlanning.Core.Indicators.Catalogue;

namespace FamilyPlanning.Core.Monthly;

/// <summary>The columns of 国人口统1表 and 统2表 for one township-month, plus the headline indicators: what a submission and an
/// approval freeze, and what a reopened month is compared against. Each column is a catalogue member under the form's own
/// heading; values are kept as shown (keyed by the member's key).</summary>
public sealed record MonthFigures(Dictionary<string, string> Values)
{
    public static readonly (Indicator Indicator, string Header)[] Columns =
    [
        (Population, "期末人口总数"), (MarriedWcba, "期末已婚育龄妇女"), (OneChildCertificates, "期末领取独生子女证人数"),
        (Catalogue.Births, "本期出生"), (EarlierYearsReported, "往年出生未报"),
        (FirstChild, "一孩"), (FirstChildCompliant, "一孩（其中计划内）"), (SecondChild, "二孩"), (SecondChildCompliant, "二孩（其中计划内）"),
        (MultiChild, "多孩"), (MultiChildCompliant, "多孩（其中计划内）"),
        (WithMethod, "选用避孕方法人数 小计"),
        .. new[] { Contraception.Method.MaleSterilisation, Contraception.Method.FemaleSterilisation, Contraception.Method.Iud,
            Contraception.Method.Implant, Contraception.Method.PillOrInjection, Contraception.Method.Condom,
            Contraception.Method.Topical, Contraception.Method.Other }.Select(m => (ByMethod[m], ByMethod[m].Name)),
        (ProcedureTotal, "计划生育手术 小计"),
        .. ByProcedure.Values.Select(p => (p, p.Name)),
        (Boys, "男婴"), (Girls, "女婴"), (Deaths, "死亡人数"),
        (BirthRate, "出生率"), (PlannedBirthRate, "计划生育率"), (SexRatio, "出生人口性别比"),
    ];

    public static MonthFigures From(List<Figure> figures)
    {
        var byIndicator = figures.ToDictionary(f => f.Indicator);
        return new MonthFigures(Columns.ToDictionary(c => c.Indicator.Key, c => byIndicator[c.Indicator].Text));
    }

    /// <summary>The columns whose value differs from an earlier snapshot: (name, before, now).</summary>
    public List<(string name, string before, string now)> DiffFrom(MonthFigures earlier) =>
        Columns.Where(c => earlier.Values.GetValueOrDefault(c.Indicator.Key) != Values.GetValueOrDefault(c.Indicator.Key))
            .Select(c => (c.Header, earlier.Values.GetValueOrDefault(c.Indicator.Key) ?? "", Values.GetValueOrDefault(c.Indicator.Key) ?? ""))
            .ToList();
}
