namespace FamilyPlanning.Core.Births;

/// <summary>A row of the dated policy table: from <see cref="EffectiveFrom"/> a mother may have up to
/// <see cref="MaxChildren"/> children within policy (a 再生育审批 permit allows more).</summary>
public class PolicyRule
{
    public const int NoteMaxLength = 100;

    public int Id { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public int MaxChildren { get; set; }
    public string Note { get; set; } = "";

    /// <summary>the default table of docs/domain.md §2.2, seeded by migration.</summary>
    public static readonly PolicyRule[] Defaults =
    [
        new() { Id = 1, EffectiveFrom = new DateOnly(1980, 1, 1), MaxChildren = 1, Note = "独生子女政策（另有再生育审批的除外）" },
        new() { Id = 2, EffectiveFrom = new DateOnly(2016, 1, 1), MaxChildren = 2, Note = "全面两孩政策" },
        new() { Id = 3, EffectiveFrom = new DateOnly(2021, 5, 31), MaxChildren = 3, Note = "三孩政策" },
    ];
}
