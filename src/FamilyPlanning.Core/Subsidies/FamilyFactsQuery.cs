using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Subsidies;

/// <summary>Gathers a family's facts from the registers: the applicant, the household type, the woman of the couple (the
/// applicant or the spouse in the household), her registered births and recorded children, children living in the household,
/// and what the applicant declares beyond what the registers know.</summary>
public sealed class FamilyFactsQuery(AppDbContext db)
{
    public async Task<FamilyFacts> ForAsync(long personId, int declaredBoys, int declaredGirls, CancellationToken ct)
    {
        var applicant = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == personId, ct);
        var hukou = await db.Households.Where(h => h.Id == applicant.HouseholdId).Select(h => h.HukouType).FirstAsync(ct);
        var woman = applicant.Sex == Sex.Female
            ? applicant
            : await db.Persons.AsNoTracking().Where(p => p.HouseholdId == applicant.HouseholdId && p.Sex == Sex.Female
                    && (p.Relation == Relation.Head || p.Relation == Relation.Spouse) && p.Id != applicant.Id)
                .OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        var record = woman is null ? null : await db.Women.AsNoTracking().FirstOrDefaultAsync(w => w.PersonId == woman.Id, ct);

        var children = new List<ChildFact>();
        var outOfPolicy = false;
        if (record is not null)
        {
            var births = await db.Births.AsNoTracking().Where(b => b.MotherId == record.Id)
                .Select(b => new { b.ChildId, b.PolicyStatus, b.Child!.Sex, b.Child.BirthDate, b.Child.DiedOn, b.Child.DisabilityGrade })
                .ToListAsync(ct);
            children.AddRange(births.Select(b => new ChildFact(b.ChildId, b.Sex, b.BirthDate, b.DiedOn, b.DisabilityGrade)));
            outOfPolicy = births.Any(b => b.PolicyStatus == PolicyStatus.OutOfPolicy);
        }
        // Sons and daughters in the household (older families have no births in the registers).
        var fromBirths = children.Select(c => c.PersonId).ToHashSet();
        var atHome = applicant.Relation is Relation.Head or Relation.Spouse
            ? await db.Persons.AsNoTracking()
                .Where(p => p.HouseholdId == applicant.HouseholdId && (p.Relation == Relation.Son || p.Relation == Relation.Daughter))
                .Select(p => new ChildFact(p.Id, p.Sex, p.BirthDate, p.DiedOn, p.DisabilityGrade)).ToListAsync(ct)
            : [];
        var homeOnly = atHome.Where(c => !fromBirths.Contains(c.PersonId)).ToList();
        children.AddRange(homeOnly);
        // Children counted on her 育龄妇女 record (not registered as births) who are not the ones at home, and children the
        // applicant declares beyond all of these: living, details unknown.
        foreach (var (sex, before, declared) in new[] { (Sex.Male, record?.BoysBefore ?? 0, declaredBoys), (Sex.Female, record?.GirlsBefore ?? 0, declaredGirls) })
        {
            var unnamed = Math.Max(0, before - homeOnly.Count(c => c.Living && c.Sex == sex));
            var known = children.Count(c => c.Living && c.Sex == sex) + unnamed;
            var extra = Math.Max(0, declared - known);
            for (var i = 0; i < unnamed + extra; i++) children.Add(new ChildFact(null, sex, null, null, null));
        }

        return new FamilyFacts(applicant, hukou, woman?.BirthDate, record?.OneChildCertificate, children, outOfPolicy);
    }
}
