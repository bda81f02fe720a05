using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Demo;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;

namespace FamilyPlanning.Core.Tests.Demo;

/// <summary>The demo county must obey the same rules the services enforce, or every figure computed from it is suspect.</summary>
public class DemoGeneratorTests
{
    private static readonly DateOnly Reference = new(2026, 6, 30);
    private static readonly Lazy<DemoData> Data = new(() => DemoGenerator.Generate(DemoPlaces.Build(), 1, Reference));

    [Fact]
    public void Size_IsAboutACounty()
    {
        var d = Data.Value;
        Assert.InRange(d.Persons.Count, 240_000, 290_000);
        Assert.InRange(d.Households.Count, 70_000, 95_000);
        var perYear = d.Births.Count(b => b.BirthDate.Year == 2025);
        Assert.InRange(perYear, 2_000, 3_000);
        Assert.True(d.Births.Select(b => b.DeliveryId).Distinct().Count() < d.Births.Count, "some twins");
    }

    [Fact]
    public void IdNumbers_AreValidUniqueAndMatchThePerson()
    {
        var withId = Data.Value.Persons.Where(p => p.IdNumber is not null).ToList();
        Assert.Equal(withId.Count, withId.Select(p => p.IdNumber).Distinct().Count());
        Assert.All(withId, p => Assert.Null(IdNumber.Check(p.IdNumber!, p.BirthDate, p.Sex)));
        Assert.True(withId.Count(p => p.IdNumber!.StartsWith("371426")) > withId.Count * 0.99);
    }

    [Fact]
    public void Births_HaveConsistentParityPolicyAndMothers()
    {
        var d = Data.Value;
        var women = d.Women.ToDictionary(w => w.Id);
        var persons = d.Persons.ToDictionary(p => p.Id);
        foreach (var mother in d.Births.GroupBy(b => b.MotherId))
        {
            var w = women[mother.Key];
            var m = persons[w.PersonId];
            var expected = w.ChildrenBefore;
            foreach (var delivery in mother.GroupBy(b => b.DeliveryId).OrderBy(g => g.First().BirthDate))
            {
                var first = delivery.First();
                var (status, _) = PolicyDecision.Decide(PolicyRule.Defaults, first.BirthDate, expected, first.PermitNumber is not null);
                foreach (var b in delivery.OrderBy(b => b.Id))
                {
                    Assert.Equal(++expected, b.Parity);
                    Assert.Equal(status, b.PolicyStatus);
                    Assert.True(b.BirthDate >= w.RegisteredOn && b.BirthDate <= Reference);
                    Assert.True(m.DiedOn is null || m.DiedOn >= b.BirthDate, "no birth after the mother's death");
                    Assert.InRange(m.AgeOn(b.BirthDate), 15, 49);
                    Assert.True(b.ReportedOn >= b.BirthDate && b.ReportedOn <= Reference);
                    Assert.Equal(persons[b.ChildId].HouseholdId, m.HouseholdId);
                }
            }
        }
        var early = d.Births.Where(b => b.BirthDate < new DateOnly(2021, 5, 31)).ToList();
        Assert.InRange(early.Count(b => b.PolicyStatus == PolicyStatus.OutOfPolicy) * 100.0 / early.Count, 1, 12);
    }

    [Fact]
    public void SexRatioByTownship_IsNearItsTarget()
    {
        foreach (var t in Data.Value.Births.GroupBy(b => b.TownshipCode))
        {
            var ratio = t.Count(b => b.Sex == Sex.Male) * 100.0 / t.Count(b => b.Sex == Sex.Female);
            Assert.InRange(ratio, 100, 116);
        }
    }

    [Fact]
    public void ContraceptiveEvents_ReplayWithoutBreakingAnyRule()
    {
        foreach (var woman in Data.Value.Events.GroupBy(e => e.WomanId))
        {
            var history = new List<(ContraceptiveType, DateOnly)>();
            foreach (var e in woman.OrderBy(e => e.Date).ThenBy(e => e.Id))
            {
                var broken = new ContraceptionRules().Sequence(e.Type, e.Date, history);
                Assert.True(broken is null, $"woman {woman.Key}: {e.Type} on {e.Date}: {broken?.Message}");
                history.Add((e.Type, e.Date));
            }
        }
    }

    [Fact]
    public void DeathRate_IsAbout6PerThousandAYear()
    {
        var d = Data.Value;
        var deaths2025 = d.Persons.Count(p => p.DiedOn?.Year == 2025);
        Assert.InRange(deaths2025 * 1000.0 / d.Persons.Count, 4.5, 8.0);
        Assert.All(d.Persons.Where(p => p.DiedOn is not null), p => Assert.True(p.DiedOn >= p.BirthDate));
    }

    [Fact]
    public void Generation_IsDeterministic()
    {
        var again = DemoGenerator.Generate(DemoPlaces.Build(), 1, Reference);
        Assert.Equal(Data.Value.Persons.Count, again.Persons.Count);
        Assert.Equal(Data.Value.Persons.Take(500).Select(p => p.Name + p.IdNumber), again.Persons.Take(500).Select(p => p.Name + p.IdNumber));
        Assert.Equal(Data.Value.Births.Select(b => (b.BirthDate, b.Sex, b.Parity)), again.Births.Select(b => (b.BirthDate, b.Sex, b.Parity)));
    }

    [Fact]
    public void Subsidies_AreRealisticAndConsistentWithTheRules()
    {
        var d = Data.Value;
        var persons = d.Persons.ToDictionary(p => p.Id);
        var households = d.Households.ToDictionary(h => h.Id);
        var reward = d.Beneficiaries.Where(b => b.Programme == Programme.RewardSupport).ToList();
        Assert.InRange(reward.Count, 1_000, 8_000);
        Assert.InRange(d.Beneficiaries.Count(b => b.Programme == Programme.SpecialSupport), 10, 1_000);
        Assert.InRange(d.Beneficiaries.Count(b => b.Programme == Programme.OneChildReward), 100, 10_000);
        Assert.All(reward, b =>
        {
            var p = persons[b.PersonId];
            Assert.Equal(HukouType.Agricultural, households[p.HouseholdId].HukouType);
            Assert.True(p.AgeOn(new DateOnly(b.ApprovedOn!.Value.Year, 12, 31)) >= 60);
        });
        Assert.All(d.Beneficiaries.Where(b => persons[b.PersonId].DiedOn > b.ApprovedOn), b =>
        {
            Assert.Equal(BeneficiaryStatus.Exited, b.Status);
            Assert.True(b.ExitReason == ExitReason.Death || b.ExitedOn <= persons[b.PersonId].DiedOn, "exited at death, or before it");
        });
        Assert.All(d.Beneficiaries.Where(b => b.Programme == Programme.SpecialSupport && b.ChildId is not null), b =>
        {
            var child = persons[b.ChildId!.Value];
            Assert.True(child.DiedOn is not null || child.DisabilityGrade is >= 1 and <= 3);
        });
        Assert.All(d.Runs, r => Assert.All(r.Lines, l => Assert.InRange(l.Months, 1, 6)));
        Assert.All(d.Beneficiaries.Where(b => b.Programme == Programme.OneChildReward && b.Status == BeneficiaryStatus.Approved),
            b => Assert.True(persons[b.ChildId!.Value].BirthDate.AddYears(18) > new DateOnly(Reference.Year - 1, 2, 20)));
        var paid2025 = d.Runs.Where(r => r.FromMonth.Year == 2025).Sum(r => r.Lines.Sum(l => l.Amount));
        Assert.True(paid2025 > 1_000_000m, $"2025 payments {paid2025}");
    }
}
