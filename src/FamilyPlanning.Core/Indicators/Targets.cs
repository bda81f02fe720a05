namespace FamilyPlanning.Core.Indicators;

/// <summary>目标责任书: a township's annual targets set by county staff.</summary>
public class Target
{
    public long Id { get; set; }
    public required string TownshipCode { get; set; }
    public int Year { get; set; }
    /// <summary>全年控制指标: births allowed in the year.</summary>
    public int? BirthTarget { get; set; }
    public decimal? PlannedBirthRateTarget { get; set; }
    public decimal? SexRatioCeiling { get; set; }
    /// <summary>四术 annual tasks: 结扎 (女扎+男扎), 放环, 人流, 引产.</summary>
    public int? SterilisationTask { get; set; }
    public int? IudTask { get; set; }
    public int? AbortionTask { get; set; }
    public int? InducedLabourTask { get; set; }
    public uint Version { get; set; }

    public int? ProcedureTask => SterilisationTask is null && IudTask is null && AbortionTask is null && InducedLabourTask is null
        ? null : (SterilisationTask ?? 0) + (IudTask ?? 0) + (AbortionTask ?? 0) + (InducedLabourTask ?? 0);

    public static Target? Sum(IEnumerable<Target> targets, string code, int year)
    {
        var list = targets.ToList();
        if (list.Count == 0) return null;
        static int? S(IEnumerable<int?> v) => v.All(x => x is null) ? null : v.Sum(x => x ?? 0);
        return new Target
        {
            TownshipCode = code,
            Year = year,
            BirthTarget = S(list.Select(t => t.BirthTarget)),
            SterilisationTask = S(list.Select(t => t.SterilisationTask)),
            IudTask = S(list.Select(t => t.IudTask)),
            AbortionTask = S(list.Select(t => t.AbortionTask)),
            InducedLabourTask = S(list.Select(t => t.InducedLabourTask)),
            PlannedBirthRateTarget = list.Select(t => t.PlannedBirthRateTarget).Where(x => x is not null).Min(),
            SexRatioCeiling = list.Select(t => t.SexRatioCeiling).Where(x => x is not null).Max(),
        };
    }
}
