using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Subsidies;

/// <summary>One person in one programme, from application to exit. Each parent is a beneficiary of their own.</summary>
public class Beneficiary
{
    public const int NoteMaxLength = 200;

    public long Id { get; set; }
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>特扶: the child who died or is disabled; 奖励费: the only child.</summary>
    public long? ChildId { get; set; }
    public Person? Child { get; set; }
    public Programme Programme { get; set; }
    public SubsidyCategory Category { get; set; }
    public required string TownshipCode { get; set; }
    public required string VillageCode { get; set; }
    public BeneficiaryStatus Status { get; set; }
    public DateOnly AppliedOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    /// <summary>First month paid: the month after approval, or the month the person becomes eligible, whichever is later.</summary>
    public DateOnly? FirstMonth { get; set; }
    public DateOnly? ExitedOn { get; set; }
    public ExitReason? ExitReason { get; set; }
    /// <summary>Living sons and daughters declared with the application (the registers may not know grown children); every
    /// later eligibility check counts the larger of these and what the registers show.</summary>
    public int DeclaredBoys { get; set; }
    public int DeclaredGirls { get; set; }
    public string Note { get; set; } = "";
    public List<BeneficiaryStep> Steps { get; } = [];
    public uint Version { get; set; }
}

/// <summary>A lifecycle step: who moved the beneficiary to which status, when, and why.</summary>
public class BeneficiaryStep
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public BeneficiaryStatus Status { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>年审: one beneficiary's decision for one year.</summary>
public class AnnualReview
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public Beneficiary? Beneficiary { get; set; }
    public required string TownshipCode { get; set; }
    public int Year { get; set; }
    public bool Continues { get; set; }
    public ExitReason? ExitReason { get; set; }
    public string Note { get; set; } = "";
    public DateOnly ReviewedOn { get; set; }
    public required string ReviewedBy { get; set; }
}
