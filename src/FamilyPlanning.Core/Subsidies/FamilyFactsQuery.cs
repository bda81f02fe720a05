using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Subsidies;

/// <summary>Gathers families' facts from the registers: the applicant, the household type, the woman of the couple (the
/// applicant or the spouse in the household), her registered births and recorded children, children living in the household,
/// and what the applicant declares beyond what the registers know. One set of queries for any number of applicants, so the
/// 年审 list of a whole township costs the same five queries as one application.</summary>
public sealed class FamilyFactsQuery(AppDbContext db)
{
    /// <summary>A family's facts (with no declared children), the woman's record, the children the registers name, and the
    /// dates of her registered births.</summary>
    public sealed record Family(FamilyFacts Facts, Woman? Record, IReadOnlyList<ChildFact> Named, IReadOnlyList<DateOnly> BirthDates);

    public async Task<FamilyFacts> ForAsync(long personId, int declaredBoys, int declaredGirls, CancellationToken ct) =>
        Declared((await ForManyAsync([personId], ct))[personId], declaredBoys, declaredGirls);

    /// <summary>The family's facts counting the children the applicant declared.</summary>
    public static FamilyFacts Declared(Family f, int boys, int girls) =>
        f.Facts with { Children = WithDeclared(f.Named, f.Record, boys, girls) };

    public async Task<Dictionary<long, Family>> ForManyAsync(IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        var applicants = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToListAsync(ct);
        var householdIds = applicants.Select(p => p.HouseholdId).Distinct().ToList();
        var hukou = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.HukouType, ct);
        var members = (await db.Persons.AsNoTracking().Where(p => householdIds.Contains(p.HouseholdId)).ToListAsync(ct))
            .ToLookup(p => p.HouseholdId);
        var womanOf = applicants.ToDictionary(a => a.Id, a => a.Sex == Sex.Female ? a
            : members[a.HouseholdId].Where(p => p.Sex == Sex.Female && p.Relation is Relation.Head or Relation.Spouse && p.Id != a.Id)
                .OrderBy(p => p.Id).FirstOrDefault());
        var womanIds = womanOf.Values.OfType<Person>().Select(w => w.Id).Distinct().ToList();
        var records = await db.Women.AsNoTracking().Where(w => womanIds.Contains(w.PersonId)).ToDictionaryAsync(w => w.PersonId, ct);
        var recordIds = records.Values.Select(r => r.Id).ToList();
        var births = (await db.Births.AsNoTracking().Where(b => recordIds.Contains(b.MotherId))
                .Select(b => new { b.MotherId, b.ChildId, b.PolicyStatus, b.BirthDate, b.Child!.Sex, b.Child.DiedOn, b.Child.DisabilityGrade })
                .ToListAsync(ct))
            .ToLookup(b => b.MotherId);

        var result = new Dictionary<long, Family>();
        foreach (var a in applicants)
        {
            var woman = womanOf[a.Id];
            var record = woman is null ? null : records.GetValueOrDefault(woman.Id);
            var hers = record is null ? [] : births[record.Id].ToList();
            var children = hers.Select(b => new ChildFact(b.ChildId, b.Sex, b.BirthDate, b.DiedOn, b.DisabilityGrade)).ToList();
            // Sons and daughters in the household (older families have no births in the registers).
            var fromBirths = children.Select(c => c.PersonId).ToHashSet();
            if (a.Relation is Relation.Head or Relation.Spouse)
                children.AddRange(members[a.HouseholdId]
                    .Where(p => p.Relation is Relation.Son or Relation.Daughter && !fromBirths.Contains(p.Id))
                    .Select(p => new ChildFact(p.Id, p.Sex, p.BirthDate, p.DiedOn, p.DisabilityGrade)));
            var facts = new FamilyFacts(a, hukou[a.HouseholdId], woman?.BirthDate, record?.OneChildCertificate, children,
                hers.Any(b => b.PolicyStatus == PolicyStatus.OutOfPolicy));
            result[a.Id] = new Family(facts with { Children = WithDeclared(children, record, 0, 0) }, record, children,
                hers.Select(b => b.BirthDate).ToList());
        }
        return result;
    }

    /// <summary>Children counted on her 育龄妇女 record (not registered as births) who are not the ones at home, and children
    /// the applicant declares beyond all of these: living, details unknown.</summary>
    private static List<ChildFact> WithDeclared(IReadOnlyList<ChildFact> named, Woman? record, int declaredBoys, int declaredGirls)
    {
        var children = named.ToList();
        foreach (var (sex, before, declared) in new[] { (Sex.Male, record?.BoysBefore ?? 0, declaredBoys), (Sex.Female, record?.GirlsBefore ?? 0, declaredGirls) })
        {
            // Children at home born before her record are most likely among those it counts.
            var home = children.Count(c => c.Living && c.Sex == sex && c.BirthDate < record?.RegisteredOn);
            var unnamed = Math.Max(0, before - home);
            var known = children.Count(c => c.Living && c.Sex == sex) + unnamed;
            var extra = Math.Max(0, declared - known);
            for (var i = 0; i < unnamed + extra; i++) children.Add(new ChildFact(null, sex, null, null, null));
        }
        return children;
    }
}
