using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Core.Subsidies;

/// <summary>
/// A dated rate: from <see cref="EffectiveFrom"/> a beneficiary of the programme and category is paid
/// <see cref="MonthlyAmount"/> yuan a month. <see cref="RegionCode"/> null is the national minimum; a county (or province)
/// code overrides it there. For 奖励费, <see cref="MaxChildAge"/> is the child's age at which payment stops.
/// </summary>
public class SubsidyRate
{
    public const int NoteMaxLength = 100;

    public int Id { get; set; }
    public Programme Programme { get; set; }
    public SubsidyCategory Category { get; set; }
    public string? RegionCode { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public decimal MonthlyAmount { get; set; }
    public int? MaxChildAge { get; set; }
    public string Note { get; set; } = "";

    /// <summary>docs/domain.md §6 national minimums, seeded by migration (annual amounts ÷ 12).</summary>
    public static readonly SubsidyRate[] NationalMinimums =
    [
        new() { Id = 1, Programme = Programme.RewardSupport, EffectiveFrom = new(2004, 1, 1), MonthlyAmount = 50m, Note = "600元/人·年" },
        new() { Id = 2, Programme = Programme.RewardSupport, EffectiveFrom = new(2009, 1, 1), MonthlyAmount = 60m, Note = "720元/人·年" },
        new() { Id = 3, Programme = Programme.RewardSupport, EffectiveFrom = new(2012, 1, 1), MonthlyAmount = 80m, Note = "960元/人·年" },
        new() { Id = 4, Programme = Programme.SpecialSupport, Category = SubsidyCategory.DeathUrban, EffectiveFrom = new(2014, 1, 1), MonthlyAmount = 340m, Note = "城镇 死亡" },
        new() { Id = 5, Programme = Programme.SpecialSupport, Category = SubsidyCategory.DisabilityUrban, EffectiveFrom = new(2014, 1, 1), MonthlyAmount = 270m, Note = "城镇 伤残" },
        new() { Id = 6, Programme = Programme.SpecialSupport, Category = SubsidyCategory.DeathRural, EffectiveFrom = new(2014, 1, 1), MonthlyAmount = 170m, Note = "农村 死亡" },
        new() { Id = 7, Programme = Programme.SpecialSupport, Category = SubsidyCategory.DisabilityRural, EffectiveFrom = new(2014, 1, 1), MonthlyAmount = 150m, Note = "农村 伤残" },
        new() { Id = 8, Programme = Programme.OneChildReward, EffectiveFrom = new(2002, 1, 1), MonthlyAmount = 10m, MaxChildAge = 18, Note = "10元/月，至独生子女年满18周岁" },
    ];

    /// <summary>The rate in force on a date for a region: the region's own newest row, else the national one.</summary>
    public static SubsidyRate? InForce(IEnumerable<SubsidyRate> rates, Programme p, SubsidyCategory c, string countyCode, DateOnly on)
    {
        var candidates = rates.Where(r => r.Programme == p && r.Category == c && r.EffectiveFrom <= on).ToList();
        return candidates.Where(r => r.RegionCode is not null && countyCode.StartsWith(r.RegionCode.TrimEnd('0')))
                   .MaxBy(r => (r.RegionCode!.TrimEnd('0').Length, r.EffectiveFrom))
               ?? candidates.Where(r => r.RegionCode is null).MaxBy(r => r.EffectiveFrom);
    }
}
