namespace FamilyPlanning.Core.People;

/// <summary>人口: a person of a registered household, with the dates that decide population at a date.</summary>
public class Person
{
    public const int NameMaxLength = 30;

    public long Id { get; set; }
    public required string Name { get; set; }
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    /// <summary>公民身份号码, normalized (upper-case X); null for a newborn whose number is not issued yet.</summary>
    public string? IdNumber { get; set; }
    public long HouseholdId { get; set; }
    public Household? Household { get; set; }
    public required string VillageCode { get; set; }
    public required string TownshipCode { get; set; }
    public Relation Relation { get; set; }
    public MaritalStatus MaritalStatus { get; set; } = MaritalStatus.Unmarried;
    public Residence Residence { get; set; } = Residence.Resident;
    public DateOnly? MovedInOn { get; set; }
    public DateOnly? MovedOutOn { get; set; }
    public string? MovedOutTo { get; set; }
    public DateOnly? DiedOn { get; set; }
    /// <summary>残疾等级 on a disability certificate, 1 (most severe) to 4; null when none.</summary>
    public int? DisabilityGrade { get; set; }
    public uint Version { get; set; }

    public int AgeOn(DateOnly date) =>
        date.Year - BirthDate.Year - (date.Month < BirthDate.Month || (date.Month == BirthDate.Month && date.Day < BirthDate.Day) ? 1 : 0);

    /// <summary>Registered here on the date: born, not dead, not moved out (docs/domain.md §2).</summary>
    public bool IsPresentOn(DateOnly date) =>
        BirthDate <= date && (DiedOn is null || DiedOn > date) && (MovedOutOn is null || MovedOutOn > date)
        && (MovedInOn is null || MovedInOn <= date);
}
