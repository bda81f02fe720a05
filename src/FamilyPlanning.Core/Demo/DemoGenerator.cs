using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Core.Demo;

/// <summary>
/// The deterministic demo county: for the same org tree, scale, reference date and seed it makes the same rows. About
/// 250 000 people per step of scale in about 80 000 households, and the register events from 1 January five years before the
/// reference date up to it. Townships differ in birth rate (9–11‰) and sex ratio at birth (103–112).
/// </summary>
public static class DemoGenerator
{
    public const int DefaultSeed = 371426;

    /// <summary>目标责任书 for every township and year: births allowed about 5 % above the previous year's births, a 95 %
    /// planned-birth target, a sex-ratio ceiling of 110, and 四术 tasks in proportion to births.</summary>
    private static void AddTargets(DemoData data, IEnumerable<string> townships, int firstYear, int lastYear, DemoIds ids)
    {
        var births = data.Births.GroupBy(b => (b.TownshipCode, b.BirthDate.Year)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var t in townships)
            for (var year = firstYear; year <= lastYear; year++)
            {
                var basis = births.GetValueOrDefault((t, year - 1), births.GetValueOrDefault((t, year)));
                data.Targets.Add(new Indicators.Target
                {
                    Id = ids.Next(),
                    TownshipCode = t,
                    Year = year,
                    BirthTarget = (int)Math.Round(basis * 1.05),
                    PlannedBirthRateTarget = 95m,
                    SexRatioCeiling = 110m,
                    SterilisationTask = (int)Math.Round(basis * 0.08),
                    IudTask = (int)Math.Round(basis * 0.55),
                    AbortionTask = (int)Math.Round(basis * 0.15),
                    InducedLabourTask = (int)Math.Round(basis * 0.02),
                });
            }
    }

    /// <summary>月报 of every past month approved (most submitted on the deadline, a few days late); of the last month whose
    /// deadline has passed, most townships have submitted and two have not yet.</summary>
    private static void AddMonthlyReports(DemoData data, List<string> townships, DateOnly from, DateOnly reference, DemoIds ids, Random rng)
    {
        var lastDue = new DateOnly(reference.Year, reference.Month, 1).AddMonths(reference.Day > 5 ? -1 : -2);
        for (var month = from; month <= lastDue; month = month.AddMonths(1))
            foreach (var t in townships)
            {
                var latest = month == lastDue;
                if (latest && townships.IndexOf(t) % 8 == 3) continue;
                // Submitted on the deadline (the 5th), births of the month having been reported by then; some a few days late.
                var submitted = month.AddMonths(1).AddDays(4 + (rng.NextDouble() < 0.08 ? rng.Next(1, 8) : 0));
                if (submitted > reference) submitted = reference;
                data.MonthlyReports.Add(new Monthly.MonthlyReport
                {
                    Id = ids.Next(),
                    TownshipCode = t,
                    Month = month,
                    Status = latest ? Monthly.ReportStatus.Submitted : Monthly.ReportStatus.Approved,
                    FirstSubmittedOn = submitted,
                    SubmittedAt = new DateTimeOffset(submitted.ToDateTime(new TimeOnly(16, 0)), TimeSpan.FromHours(8)),
                    ApprovedAt = latest ? null : new DateTimeOffset(submitted.AddDays(3).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
                });
            }
    }

    public static DemoData Generate(County county, int scale, DateOnly reference, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var rng = new Random(seed);
        var data = new DemoData();
        var ids = new DemoIds(county.Code[..6]);
        var windowStart = new DateOnly(reference.Year - 5, 1, 1);
        var population = new DemoPopulation(rng, ids, windowStart, data);

        var townships = county.Townships.Where(t => t.AbolishedOn is null && t.Villages.Count > 0).OrderBy(t => t.Code).ToList();
        var villages = townships.Sum(t => t.Villages.Count);
        var profile = new Dictionary<string, (double birthRate, double sexRatio)>();
        for (var i = 0; i < townships.Count; i++)
        {
            var t = townships[i];
            population.AddTownship(t, DemoPopulation.PersonsPerCountyAtScale1 * scale * t.Villages.Count / villages);
            profile[t.Code] = (9.0 + i * 7 % 5 * 0.5, 103.0 + i * 7 % 10);
        }
        new DemoHistory(rng, ids, population, data, windowStart, reference).Run(profile);
        new DemoSubsidies(rng, ids, population, data, windowStart, reference, county.Code).Run();
        AddTargets(data, townships.Select(t => t.Code), windowStart.Year, reference.Year, ids);
        AddMonthlyReports(data, townships.Select(t => t.Code).ToList(), windowStart, reference, ids, rng);
        data.MaxId = ids.Last;
        return data;
    }
}
