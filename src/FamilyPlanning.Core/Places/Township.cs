namespace FamilyPlanning.Core.Places;

/// <summary>
/// A 乡/镇/街道, keyed by its 12-digit code. When townships merge (撤乡并镇) the old township is kept with
/// <see cref="AbolishedOn"/> and <see cref="SuccessorCode"/> so that old records keep pointing at the township they were made in.
/// </summary>
public class Township
{
    public const int NameMaxLength = 50;

    public required string Code { get; set; }
    public required string Name { get; set; }
    public TownshipKind Kind { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
    public DateOnly? AbolishedOn { get; set; }
    public string? SuccessorCode { get; set; }
    public Township? Successor { get; set; }
    public List<Village> Villages { get; } = [];

    public bool IsActiveOn(DateOnly date) => AbolishedOn is null || date < AbolishedOn;
}
