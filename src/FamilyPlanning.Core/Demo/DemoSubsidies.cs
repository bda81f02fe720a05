using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;
using static FamilyPlanning.Core.Demo.DemoPopulation;

namespace FamilyPlanning.Core.Demo;

/// <summary>
/// Beneficiaries as a county has them after years of the programmes: most eligible rural parents of one child or two girls
/// from 60 on (奖扶), families whose only child died or is severely disabled (特扶), certificate holders with a child under 18
/// (奖励费); approved in January, reviewed every year, exited at death; and one paid payment run per township and half-year.
/// </summary>
internal sealed class DemoSubsidies(Random rng, DemoIds ids, DemoPopulation population, DemoData data, DateOnly windowStart,
    DateOnly reference, string countyCode)
{
    public void Run()
    {
        var households = data.Households.ToDictionary(h => h.Id);
        var byHousehold = data.Persons.ToLookup(p => p.HouseholdId);
        var births = data.Births.ToLookup(b => b.MotherId);
        var persons = data.Persons.ToDictionary(p => p.Id);
        var women = data.Women.Select(w => w.PersonId).ToHashSet();
        foreach (var m in population.Mothers)
        {
            var household = households[m.Household.Id];
            var living = m.ChildrenBorn.Count; // children who left home are alive as far as the registers know
            var outOfPolicy = m.Record is not null && births[m.Record.Id].Any(b => b.PolicyStatus == PolicyStatus.OutOfPolicy);
            var girlsOnly = m.ChildrenBorn.All(c => c.sex == Sex.Female);
            var parents = new[] { m.Person, m.Husband }.OfType<Person>().ToList();
            if (household.HukouType == HukouType.Agricultural && !outOfPolicy && (living == 1 || (living == 2 && girlsOnly)))
                foreach (var p in parents)
                    Reward(p, p.BirthDate.AddYears(Eligibility.RewardAge), m);
            else if (living == 1 && m.Person.BirthDate.AddYears(49) < reference && rng.NextDouble() < 0.04)
                Special(m, parents, household, byHousehold[household.Id].Where(c => !women.Contains(c.Id)));
            if (m.Record?.OneChildCertificate is not null && living == 1)
            {
                var child = byHousehold[household.Id].FirstOrDefault(c => c.Relation is Relation.Son or Relation.Daughter
                    && c.BirthDate.AddYears(18) > windowStart);
                if (child is not null) OneChild(m.Person, child);
            }
        }
        foreach (var b in data.Beneficiaries) ExitAtDeathAndReview(b, persons[b.PersonId], b.ChildId is { } c ? persons[c] : null);
        Payments(persons);
    }

    private void Reward(Person p, DateOnly sixty, Mother m)
    {
        // Most older one-child rural families do not qualify in practice (births before the registers, earlier out-of-policy
        // children): about one in nine of those the registers would allow, which gives the ~1% of rural people a county pays.
        if (sixty > reference || rng.NextDouble() > 0.11 || p.DiedOn < sixty || p.MovedOutOn < sixty) return;
        // Approved in January of the year they turn 60 (or of the window's first year, for those already older).
        var approved = new DateOnly(Math.Max(sixty.Year, windowStart.Year - 3), 1, 15);
        var b = Add(p, null, Programme.RewardSupport, SubsidyCategory.Standard, approved);
        b.DeclaredBoys = m.ChildrenBorn.Count(c => c.sex == Sex.Male);
        b.DeclaredGirls = m.ChildrenBorn.Count(c => c.sex == Sex.Female);
    }

    private void Special(Mother m, List<Person> parents, Household h, IEnumerable<Person> members)
    {
        var child = members.FirstOrDefault(c => c.Relation is Relation.Son or Relation.Daughter && c.DiedOn is null);
        if (child is null) return;
        var died = rng.NextDouble() < 0.6;
        if (died) child.DiedOn = windowStart.AddDays(-rng.Next(200, 3000));
        else child.DisabilityGrade = rng.Next(1, 4);
        if (child.DiedOn < child.BirthDate) child.DiedOn = child.BirthDate.AddYears(10);
        var approved = new DateOnly(Math.Max(m.Person.BirthDate.AddYears(49).Year + 1, windowStart.Year - 2), 1, 15);
        if (approved > reference) return;
        var category = Eligibility.CategoryFor(Programme.SpecialSupport, h.HukouType, new ChildFact(child.Id, child.Sex, child.BirthDate, child.DiedOn, child.DisabilityGrade));
        foreach (var p in parents.Where(p => p.DiedOn is null || p.DiedOn > approved)) Add(p, child, Programme.SpecialSupport, category, approved);
    }

    private void OneChild(Person mother, Person child)
    {
        var approved = new DateOnly(Math.Max(child.BirthDate.Year + 1, windowStart.Year - 3), 3, 10);
        if (approved > reference || child.BirthDate.AddYears(18) <= approved || rng.NextDouble() > 0.8) return;
        Add(mother, child, Programme.OneChildReward, SubsidyCategory.Standard, approved);
    }

    private Beneficiary Add(Person p, Person? child, Programme programme, SubsidyCategory category, DateOnly approved)
    {
        var b = new Beneficiary
        {
            Id = ids.Next(),
            PersonId = p.Id,
            ChildId = child?.Id,
            Programme = programme,
            Category = category,
            TownshipCode = p.TownshipCode,
            VillageCode = p.VillageCode,
            Status = BeneficiaryStatus.Approved,
            AppliedOn = approved.AddDays(-75),
            ApprovedOn = approved,
            FirstMonth = new DateOnly(approved.Year, approved.Month, 1).AddMonths(1),
        };
        (BeneficiaryStatus status, int daysBefore)[] steps =
            [(BeneficiaryStatus.Applied, 75), (BeneficiaryStatus.Publicized, 60), (BeneficiaryStatus.TownshipReviewed, 40), (BeneficiaryStatus.Approved, 0)];
        foreach (var (status, before) in steps)
            b.Steps.Add(new BeneficiaryStep
            {
                Id = ids.Next(),
                BeneficiaryId = b.Id,
                Status = status,
                UserName = status == BeneficiaryStatus.Approved ? "county" : "clerk",
                At = new DateTimeOffset(approved.AddDays(-before).ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8)),
            });
        data.Beneficiaries.Add(b);
        return b;
    }

    private void ExitAtDeathAndReview(Beneficiary b, Person p, Person? child)
    {
        // 奖励费 ends with the child's 18th birthday: the next 年审 records the exit.
        if (b.Programme == Programme.OneChildReward && child is not null && child.BirthDate.AddYears(18) is var adult
            && new DateOnly(adult.Year + 1, 2, 20) is var review && review <= reference && (p.DiedOn is null || p.DiedOn > review))
        {
            b.Status = BeneficiaryStatus.Exited;
            b.ExitedOn = review;
            b.ExitReason = ExitReason.AgeIneligible;
            b.Steps.Add(new BeneficiaryStep
            {
                Id = ids.Next(),
                BeneficiaryId = b.Id,
                Status = BeneficiaryStatus.Exited,
                UserName = "clerk",
                Note = "年审退出：独生子女已满18周岁",
                At = new DateTimeOffset(review.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
            });
            data.Reviews.Add(new AnnualReview
            {
                Id = ids.Next(),
                BeneficiaryId = b.Id,
                TownshipCode = b.TownshipCode,
                Year = review.Year,
                Continues = false,
                ExitReason = ExitReason.AgeIneligible,
                ReviewedOn = review,
                ReviewedBy = "clerk",
            });
        }
        else if (p.DiedOn is { } died && died > b.ApprovedOn)
        {
            b.Status = BeneficiaryStatus.Exited;
            b.ExitedOn = died;
            b.ExitReason = ExitReason.Death;
            b.Steps.Add(new BeneficiaryStep
            {
                Id = ids.Next(),
                BeneficiaryId = b.Id,
                Status = BeneficiaryStatus.Exited,
                UserName = "clerk",
                Note = "死亡",
                At = new DateTimeOffset(died.AddDays(20).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
            });
        }
        for (var year = b.ApprovedOn!.Value.Year + 1; year < reference.Year || (year == reference.Year && reference.Month > 2); year++)
        {
            var reviewedOn = new DateOnly(year, 2, 20);
            if (b.ExitedOn <= reviewedOn) break;
            if (b.ExitReason == ExitReason.AgeIneligible && b.ExitedOn?.Year == year) break;
            data.Reviews.Add(new AnnualReview
            {
                Id = ids.Next(),
                BeneficiaryId = b.Id,
                TownshipCode = b.TownshipCode,
                Year = year,
                Continues = true,
                ReviewedOn = reviewedOn,
                ReviewedBy = "clerk",
            });
        }
    }

    /// <summary>One paid run per township and half-year, from the window start to the last half-year that has ended.</summary>
    private void Payments(Dictionary<long, Person> persons)
    {
        var rates = SubsidyRate.NationalMinimums;
        var byTownship = data.Beneficiaries.GroupBy(b => b.TownshipCode).ToList();
        for (var from = windowStart; from.AddMonths(6) <= reference; from = from.AddMonths(6))
        {
            var to = from.AddMonths(5);
            foreach (var group in byTownship)
            {
                var run = new PaymentRun
                {
                    Id = ids.Next(),
                    TownshipCode = group.Key,
                    FromMonth = from,
                    ToMonth = to,
                    CreatedBy = "county",
                    CreatedAt = new DateTimeOffset(to.AddMonths(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
                    PaidOn = to.AddMonths(1).AddDays(19),
                };
                foreach (var b in group)
                {
                    var p = persons[b.PersonId];
                    var child = b.ChildId is { } c ? persons[c] : null;
                    var amount = PaymentCalculator.For(new PaymentFacts(b, p.BirthDate, p.DiedOn, p.MovedOutOn, child?.BirthDate, child?.DiedOn),
                        rates, countyCode, from, to);
                    if (amount.Months == 0) continue;
                    run.Lines.Add(new PaymentLine
                    {
                        Id = ids.Next(),
                        RunId = run.Id,
                        BeneficiaryId = b.Id,
                        Programme = b.Programme,
                        Months = amount.Months,
                        Amount = amount.Amount,
                        Detail = amount.Detail,
                        PaidMonths = amount.PaidMonths,
                        MonthAmounts = amount.MonthAmounts,
                    });
                }
                if (run.Lines.Count > 0) data.Runs.Add(run);
            }
        }
    }
}
