using FamilyPlanning.Core.Subsidies;

namespace FamilyPlanning.Core.Indicators;

/// <summary>The raw counts of one area (a township, or the county as their sum) for one period; every indicator is pure
/// arithmetic over these (<see cref="IndicatorMath"/>).</summary>
public sealed class IndicatorCounts
{
    public long PopulationStart { get; set; }
    public long PopulationEnd { get; set; }
    public long InMigrantsEnd { get; set; }
    public long Births { get; set; }
    public long Boys { get; set; }
    public long Girls { get; set; }
    public long Compliant { get; set; }
    public long[] ByParity { get; set; } = new long[3];        // parity 1, 2, ≥3
    public long[] CompliantByParity { get; set; } = new long[3];
    public long Twins { get; set; }
    public long LateReports { get; set; }
    public long EarlierYearsReported { get; set; }            // 往年出生未报: born before the period, reported in it
    public long Deaths { get; set; }
    public long MarriedWcba { get; set; }
    public long MarriedWcbaExempt { get; set; }
    /// <summary>Exempt married WCBA who have a method: left out of the prevalence numerator with their denominator.</summary>
    public long ExemptWithMethod { get; set; }
    /// <summary>Women 15–49 (户籍, present) holding a 独生子女父母光荣证 at the period end.</summary>
    public long OneChildCertificates { get; set; }
    /// <summary>Married 户籍 women 15–49 with no 育龄妇女 record (<see cref="UnregisteredWomen"/>): a data-quality count.</summary>
    public long UnregisteredMarriedWcba { get; set; }
    // 流入 (in-migrant) figures, never mixed into the 户籍 ones above.
    public long InMigrantBirths { get; set; }
    public long InMigrantMarriedWcba { get; set; }
    public long InMigrantWithMethod { get; set; }
    public long InMigrantExempt { get; set; }
    public long InMigrantExemptWithMethod { get; set; }
    public Dictionary<Contraception.Method, long> Methods { get; set; } = [];
    public Dictionary<Contraception.ContraceptiveType, long> Procedures { get; set; } = [];
    public Dictionary<Programme, SubsidyCounts> Subsidies { get; set; } = [];

    public long WithMethod => Methods.Where(m => m.Key != Contraception.Method.None).Sum(m => m.Value);

    public static IndicatorCounts Sum(IEnumerable<IndicatorCounts> parts)
    {
        var total = new IndicatorCounts();
        foreach (var p in parts) total.Add(p);
        return total;
    }

    public void Add(IndicatorCounts o)
    {
        PopulationStart += o.PopulationStart;
        PopulationEnd += o.PopulationEnd;
        InMigrantsEnd += o.InMigrantsEnd;
        Births += o.Births;
        Boys += o.Boys;
        Girls += o.Girls;
        Compliant += o.Compliant;
        for (var i = 0; i < 3; i++)
        {
            ByParity[i] += o.ByParity[i];
            CompliantByParity[i] += o.CompliantByParity[i];
        }
        Twins += o.Twins;
        LateReports += o.LateReports;
        EarlierYearsReported += o.EarlierYearsReported;
        Deaths += o.Deaths;
        MarriedWcba += o.MarriedWcba;
        MarriedWcbaExempt += o.MarriedWcbaExempt;
        ExemptWithMethod += o.ExemptWithMethod;
        OneChildCertificates += o.OneChildCertificates;
        UnregisteredMarriedWcba += o.UnregisteredMarriedWcba;
        InMigrantBirths += o.InMigrantBirths;
        InMigrantMarriedWcba += o.InMigrantMarriedWcba;
        InMigrantWithMethod += o.InMigrantWithMethod;
        InMigrantExempt += o.InMigrantExempt;
        InMigrantExemptWithMethod += o.InMigrantExemptWithMethod;
        foreach (var (k, v) in o.Methods) Methods[k] = Methods.GetValueOrDefault(k) + v;
        foreach (var (k, v) in o.Procedures) Procedures[k] = Procedures.GetValueOrDefault(k) + v;
        foreach (var (k, v) in o.Subsidies) Subsidies[k] = Subsidies.GetValueOrDefault(k, new SubsidyCounts()) + v;
    }

    public long Procedure(Contraception.ContraceptiveType t) => Procedures.GetValueOrDefault(t);

    /// <summary>Every count by name (zeros left out), for comparing two ways of counting (<c>verify-ledger</c>, tests).</summary>
    public SortedDictionary<string, decimal> Named()
    {
        var all = new List<(string, decimal)>
        {
            (nameof(PopulationStart), PopulationStart), (nameof(PopulationEnd), PopulationEnd), (nameof(InMigrantsEnd), InMigrantsEnd),
            (nameof(Births), Births), (nameof(Boys), Boys), (nameof(Girls), Girls), (nameof(Compliant), Compliant),
            (nameof(Twins), Twins), (nameof(LateReports), LateReports), (nameof(EarlierYearsReported), EarlierYearsReported),
            (nameof(Deaths), Deaths), (nameof(MarriedWcba), MarriedWcba), (nameof(MarriedWcbaExempt), MarriedWcbaExempt),
            (nameof(ExemptWithMethod), ExemptWithMethod), (nameof(OneChildCertificates), OneChildCertificates),
            (nameof(UnregisteredMarriedWcba), UnregisteredMarriedWcba), (nameof(InMigrantBirths), InMigrantBirths),
            (nameof(InMigrantMarriedWcba), InMigrantMarriedWcba), (nameof(InMigrantWithMethod), InMigrantWithMethod),
            (nameof(InMigrantExempt), InMigrantExempt), (nameof(InMigrantExemptWithMethod), InMigrantExemptWithMethod),
        };
        for (var i = 0; i < 3; i++)
        {
            all.Add(($"{nameof(ByParity)}[{i + 1}]", ByParity[i]));
            all.Add(($"{nameof(CompliantByParity)}[{i + 1}]", CompliantByParity[i]));
        }
        all.AddRange(Methods.Select(m => ($"{nameof(Methods)}[{m.Key}]", (decimal)m.Value)));
        all.AddRange(Procedures.Select(p => ($"{nameof(Procedures)}[{p.Key}]", (decimal)p.Value)));
        foreach (var (p, s) in Subsidies)
            all.AddRange([($"{p}.New", s.New), ($"{p}.Continuing", s.Continuing), ($"{p}.Exited", s.Exited), ($"{p}.Paid", s.Paid)]);
        return new SortedDictionary<string, decimal>(all.Where(x => x.Item2 != 0).ToDictionary(x => x.Item1, x => x.Item2));
    }
}

public sealed record SubsidyCounts(long New = 0, long Continuing = 0, long Exited = 0, decimal Paid = 0)
{
    public static SubsidyCounts operator +(SubsidyCounts a, SubsidyCounts b) =>
        new(a.New + b.New, a.Continuing + b.Continuing, a.Exited + b.Exited, a.Paid + b.Paid);
}
