namespace FamilyPlanning.Core.Places;

public class Village
{
    public const int NameMaxLength = 50;

    public required string Code { get; set; }
    public required string Name { get; set; }
    public VillageKind Kind { get; set; }
    public required string TownshipCode { get; set; }
    public Township? Township { get; set; }
    public DateOnly? AbolishedOn { get; set; }
}
