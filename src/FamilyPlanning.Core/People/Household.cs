using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Core.People;

/// <summary>户籍登记: one registered household in a village.</summary>
public class Household
{
    public const int NumberMaxLength = 20;
    public const int AddressMaxLength = 100;
    public const int HeadNameMaxLength = 30;

    public long Id { get; set; }
    /// <summary>户编号, unique within the township.</summary>
    public required string Number { get; set; }
    public required string VillageCode { get; set; }
    public Village? Village { get; set; }
    /// <summary>The village's township, kept on the row so every scope filter is one indexed column.</summary>
    public required string TownshipCode { get; set; }
    public string Address { get; set; } = "";
    public string HeadName { get; set; } = "";
    public HukouType HukouType { get; set; }
    public List<Person> Members { get; } = [];
    public uint Version { get; set; }
}
