namespace FamilyPlanning.Core.Subsidies;

/// <summary>A payment list for one township and period (a year or a half-year), handed to the paying agency and then marked
/// paid. Its lines are computed once, when the run is made, from the rates and eligibility of every month.</summary>
public class PaymentRun
{
    public long Id { get; set; }
    public required string TownshipCode { get; set; }
    /// <summary>First day of the first month and of the last month paid.</summary>
    public DateOnly FromMonth { get; set; }
    public DateOnly ToMonth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateOnly? PaidOn { get; set; }
    public List<PaymentLine> Lines { get; } = [];
    public uint Version { get; set; }
}

[Audit.NotAudited]
public class PaymentLine
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public long BeneficiaryId { get; set; }
    public Beneficiary? Beneficiary { get; set; }
    public Programme Programme { get; set; }
    public int Months { get; set; }
    public decimal Amount { get; set; }
    /// <summary>How the amount was made, e.g. 「2026-01至2026-06 6个月×80.00元」.</summary>
    public string Detail { get; set; } = "";
    /// <summary>The months this line pays and each one's amount (same order): a run's amounts fall in the months they pay.</summary>
    public DateOnly[] PaidMonths { get; set; } = [];
    public decimal[] MonthAmounts { get; set; } = [];
}
