using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Core.Demo;

/// <summary>
/// The deterministic demo county: for the same org tree, scale, reference date and seed it makes the same rows. About
/// 250 000 people per scale unit in about 80 000 households, and the register events from 1 January five years before the
/// reference date up to it. Townships differ in birth rate (9–11‰) and sex ratio at birth (103–112).
/// </summary>
public static class DemoGenerator
{
    public const int DefaultSeed = 371426;

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
        data.MaxId = ids.Last;
        return data;
    }
}
