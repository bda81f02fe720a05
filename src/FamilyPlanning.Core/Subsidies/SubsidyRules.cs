namespace FamilyPlanning.Core.Subsidies;

/// <summary>Who is eligible for a programme on a date, for the apply page, each review step and the import (which goes
/// through <see cref="SubsidyService"/> itself): one instance from the container; the national rules are
/// <see cref="Eligibility"/>'s pure functions.</summary>
public class SubsidyRules
{
    /// <summary>The Chinese reasons the family is not eligible; empty when it is.</summary>
    public virtual List<string> Reasons(Programme programme, FamilyFacts family, ChildFact? child, DateOnly on, int maxChildAge) =>
        Eligibility.Check(programme, family, child, on, maxChildAge);

    /// <summary>The reasons a beneficiary's family is no longer eligible (review steps, 年审).</summary>
    public List<string> ReasonsNotEligible(Beneficiary b, FamilyFacts family, DateOnly on, int maxChildAge)
    {
        var child = b.ChildId is { } cid ? family.Children.FirstOrDefault(c => c.PersonId == cid) : null;
        return Reasons(b.Programme, family, child, on, maxChildAge);
    }
}
