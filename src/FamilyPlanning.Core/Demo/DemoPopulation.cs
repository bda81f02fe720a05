using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Core.Demo;

/// <summary>
/// Builds the households and people of the demo county as they stood on the window start (1 January five years before the
/// reference date): couples with the children their birth cohort typically had, single elderly people, some grandparents.
/// Grown children who left home still count in their mother's children (<see cref="Mother.ChildrenBorn"/>).
/// </summary>
internal sealed class DemoPopulation(Random rng, DemoIds ids, DateOnly windowStart, DemoData data)
{
    public const int PersonsPerCountyAtScale1 = 250_000;

    /// <summary>A woman who may appear in the 育龄妇女 register, with what the generator needs to know about her.</summary>
    public sealed class Mother(Person person, Household household)
    {
        public Person Person { get; } = person;
        public Household Household { get; } = household;
        public List<(DateOnly date, Sex sex)> ChildrenBorn { get; } = [];
        public Person? Husband { get; set; }
        public Woman? Record { get; set; }
    }

    public List<Mother> Mothers { get; } = [];

    public void AddTownship(Township township, int targetPersons)
    {
        var villages = township.Villages;
        var start = data.Persons.Count;
        var i = 0;
        while (data.Persons.Count - start < targetPersons)
            AddHousehold(township, villages[i++ % villages.Count], i);
    }

    private void AddHousehold(Township township, Village village, int n)
    {
        var urban = township.Kind == TownshipKind.Subdistrict;
        var household = new Household
        {
            Id = ids.Next(),
            Number = $"{village.Code[9..]}-{n:D5}",
            VillageCode = village.Code,
            TownshipCode = township.Code,
            HukouType = urban ? (rng.NextDouble() < 0.8 ? HukouType.NonAgricultural : HukouType.Agricultural)
                : (rng.NextDouble() < 0.93 ? HukouType.Agricultural : HukouType.NonAgricultural),
        };
        household.Address = $"{village.Name.Replace("委会", "").Replace("居", "")}{rng.Next(1, 120)}号";
        data.Households.Add(household);
        // A few households moved in during the window: their members count from that date on.
        DateOnly? movedIn = rng.NextDouble() < 0.01 ? windowStart.AddDays(rng.Next(30, 1800)) : null;

        var surname = DemoNames.Surname(rng);
        var headAge = HeadAge();
        if (rng.NextDouble() < 0.06)
        {
            var sex = rng.NextDouble() < 0.55 ? Sex.Female : Sex.Male;
            var single = AddPerson(household, sex == Sex.Male ? surname : DemoNames.Surname(rng), sex, BirthFor(headAge), Relation.Head,
                headAge > 60 ? MaritalStatus.Widowed : rng.NextDouble() < 0.6 ? MaritalStatus.Unmarried : MaritalStatus.Divorced, movedIn);
            household.HeadName = single.Name;
            if (sex == Sex.Female) Mothers.Add(new Mother(single, household));
            return;
        }

        var marital = rng.NextDouble() < 0.95 ? MaritalStatus.FirstMarriage : MaritalStatus.Remarried;
        var head = AddPerson(household, surname, Sex.Male, BirthFor(headAge), Relation.Head, marital, movedIn);
        household.HeadName = head.Name;
        var wifeAge = Math.Max(20, headAge - rng.Next(-1, 5));
        var wife = AddPerson(household, DemoNames.Surname(rng), Sex.Female, BirthFor(wifeAge), Relation.Spouse, marital, movedIn);
        var mother = new Mother(wife, household) { Husband = head };
        Mothers.Add(mother);

        var count = ChildrenFor(wife.BirthDate.Year);
        var next = wife.BirthDate.AddYears(21).AddDays(rng.Next(0, 900));
        for (var c = 0; c < count && next < windowStart; c++)
        {
            var sex = rng.NextDouble() < 0.52 ? Sex.Male : Sex.Female;
            mother.ChildrenBorn.Add((next, sex));
            var age = Age(next, windowStart);
            // Grown children mostly have homes of their own; they still count among their mother's children.
            if (age < 23 || rng.NextDouble() < 0.45)
                AddPerson(household, surname, sex, next, sex == Sex.Male ? Relation.Son : Relation.Daughter,
                    age >= 24 && rng.NextDouble() < 0.5 ? MaritalStatus.FirstMarriage : MaritalStatus.Unmarried, movedIn);
            next = next.AddDays(rng.Next(700, 2200));
        }
        if (headAge < 58 && rng.NextDouble() < 0.22)
        {
            var sex = rng.NextDouble() < 0.65 ? Sex.Female : Sex.Male;
            AddPerson(household, sex == Sex.Male ? surname : DemoNames.Surname(rng), sex, BirthFor(headAge + rng.Next(24, 32)),
                Relation.Parent, MaritalStatus.Widowed, movedIn);
        }
    }

    public Person AddPerson(Household h, string surname, Sex sex, DateOnly birth, Relation relation, MaritalStatus marital,
        DateOnly? movedIn)
    {
        var p = new Person
        {
            Id = ids.Next(),
            Name = surname + DemoNames.Given(rng, sex),
            Sex = sex,
            BirthDate = birth,
            IdNumber = ids.IdNumber(birth, sex),
            HouseholdId = h.Id,
            VillageCode = h.VillageCode,
            TownshipCode = h.TownshipCode,
            Relation = relation,
            MaritalStatus = marital,
            MovedInOn = movedIn,
            Residence = Age(birth, windowStart) is >= 18 and <= 45 && rng.NextDouble() < 0.06 ? Residence.OutMigrant : Residence.Resident,
        };
        data.Persons.Add(p);
        return p;
    }

    /// <summary>Completed family size by the mother's birth cohort (one-child era, two-child era, recent).</summary>
    private int ChildrenFor(int motherBornYear)
    {
        var x = rng.NextDouble();
        return motherBornYear switch
        {
            < 1965 => x < 0.25 ? 1 : x < 0.70 ? 2 : x < 0.93 ? 3 : 4,
            < 1980 => x < 0.03 ? 0 : x < 0.50 ? 1 : x < 0.94 ? 2 : 3,
            < 1992 => x < 0.08 ? 0 : x < 0.50 ? 1 : x < 0.95 ? 2 : 3,
            _ => x < 0.45 ? 0 : x < 0.85 ? 1 : 2,
        };
    }

    private int HeadAge()
    {
        // Household heads 22–88, most between 30 and 70.
        var x = rng.NextDouble();
        return x < 0.12 ? rng.Next(22, 30) : x < 0.85 ? rng.Next(30, 70) : rng.Next(70, 89);
    }

    private DateOnly BirthFor(int ageAtWindowStart) => windowStart.AddYears(-ageAtWindowStart).AddDays(-rng.Next(1, 365));

    public static int Age(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
}
