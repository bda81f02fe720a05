namespace FamilyPlanning.Core.Places;

public class County
{
    public const int NameMaxLength = 50;

    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Township> Townships { get; } = [];
}
