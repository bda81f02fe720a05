using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;

namespace FamilyPlanning.Core.Demo;

/// <summary>The registers of the demo county, generated in memory with their ids, ready to be copied into PostgreSQL.</summary>
public sealed class DemoData
{
    public List<Household> Households { get; } = [];
    public List<Person> Persons { get; } = [];
    public List<Woman> Women { get; } = [];
    public List<Birth> Births { get; } = [];
    public List<ContraceptiveEvent> Events { get; } = [];
    public List<Beneficiary> Beneficiaries { get; } = [];
    public List<AnnualReview> Reviews { get; } = [];
    public List<PaymentRun> Runs { get; } = [];
    public List<Indicators.Target> Targets { get; } = [];
    public List<Monthly.MonthlyReport> MonthlyReports { get; } = [];
    public long MaxId { get; set; }

    public long Rows => Households.Count + Persons.Count + Women.Count + Births.Count + Events.Count + Beneficiaries.Count
        + Beneficiaries.Sum(b => b.Steps.Count) + Reviews.Count + Runs.Count + Runs.Sum(r => r.Lines.Count) + Targets.Count + MonthlyReports.Count;
}
