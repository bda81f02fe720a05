using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using static FamilyPlanning.Core.Demo.DemoPopulation;

namespace FamilyPlanning.Core.Demo;

/// <summary>
/// Five-odd years of register events after the window start, month by month: births (about 10‰ a year, sex ratio by
/// township, parity mix, twins, permits and a few out-of-policy births), the contraception around them (IUD removed before
/// a pregnancy, inserted or a sterilisation after), abortions, deaths by age and migration.
/// </summary>
internal sealed class DemoHistory(Random rng, DemoIds ids, DemoPopulation population, DemoData data, DateOnly windowStart,
    DateOnly reference)
{
    private readonly Dictionary<long, (Method method, DateOnly since)> _method = [];
    private readonly Dictionary<string, (int boys, int girls)> _sexes = [];
    private int _certificate;

    public void Run(IReadOnlyDictionary<string, (double birthRate, double sexRatio)> townships)
    {
        // Deaths and moves first, so that no birth or operation is given to someone already gone.
        DeathsAndMigration();
        foreach (var m in population.Mothers) Register(m);
        var byTownship = population.Mothers.Where(m => m.Record is not null).GroupBy(m => m.Person.TownshipCode)
            .ToDictionary(g => g.Key, g => g.ToList());
        var populationOf = data.Persons.GroupBy(p => p.TownshipCode).ToDictionary(g => g.Key, g => g.Count());

        for (var month = windowStart; month <= reference; month = month.AddMonths(1))
        {
            var monthEnd = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
            var days = (Math.Min(monthEnd.DayNumber, reference.DayNumber) - month.DayNumber) + 1;
            foreach (var (code, (rate, ratio)) in townships)
            {
                if (!byTownship.TryGetValue(code, out var mothers)) continue;
                var expected = populationOf[code] * rate / 1000 / 365.25 * days;
                for (var i = Poisson(expected); i > 0; i--) Deliver(mothers, month.AddDays(rng.Next(days)), ratio);
                for (var i = Poisson(expected * 0.18); i > 0; i--) Abortion(mothers, month.AddDays(rng.Next(days)), ContraceptiveType.Abortion);
                for (var i = Poisson(expected * 0.015); i > 0; i--) Abortion(mothers, month.AddDays(rng.Next(days)), ContraceptiveType.InducedLabour);
            }
        }
    }

    /// <summary>Every female aged 15–49 at some time in the window gets a 育龄妇女 record, with her method at the start.</summary>
    private void Register(Mother m)
    {
        var p = m.Person;
        var at15 = p.BirthDate.AddYears(Woman.MinAge);
        if (at15 > reference || p.BirthDate.AddYears(Woman.MaxAge + 1) <= windowStart) return;
        var registered = at15 > windowStart ? at15 : windowStart;
        if (p.MovedInOn > registered) registered = p.MovedInOn.Value;
        if (registered > reference) return;
        var married = PersonNames.IsMarried(p.MaritalStatus);
        var before = m.ChildrenBorn.Where(c => c.date < registered).ToList();
        m.Record = new Woman
        {
            Id = ids.Next(),
            PersonId = p.Id,
            TownshipCode = p.TownshipCode,
            VillageCode = p.VillageCode,
            RegisteredOn = registered,
            MarriedOn = married ? (m.ChildrenBorn.Count > 0 ? m.ChildrenBorn[0].date.AddDays(-rng.Next(300, 700)) : p.BirthDate.AddYears(23)) : null,
            BoysBefore = before.Count(c => c.sex == Sex.Male),
            GirlsBefore = before.Count(c => c.sex == Sex.Female),
        };
        if (m.Record.MarriedOn < at15) m.Record.MarriedOn = at15.AddYears(5);
        if (m.Record.MarriedOn > reference) m.Record.MarriedOn = null;
        // Young single women marry during the window (at 21–29), which keeps first births coming.
        if (!married && p.MaritalStatus == MaritalStatus.Unmarried && p.DiedOn is null && p.MovedOutOn is null && rng.NextDouble() < 0.85)
        {
            var wedding = p.BirthDate.AddYears(rng.Next(21, 30)).AddDays(rng.Next(365));
            if (wedding >= registered && wedding <= reference)
            {
                p.MaritalStatus = MaritalStatus.FirstMarriage;
                m.Record.MarriedOn = wedding;
            }
        }
        if (before.Count == 1 && rng.NextDouble() < 0.3)
        {
            m.Record.OneChildCertificate = $"鲁独{p.TownshipCode[6..9]}{rng.Next(10000, 99999)}";
            m.Record.OneChildCertificateOn = before[0].date.AddDays(rng.Next(60, 700));
            if (m.Record.OneChildCertificateOn > reference) m.Record.OneChildCertificateOn = reference;
        }
        if (married && before.Count == 0 && rng.NextDouble() < 0.05)
            m.Record.Exemption = Exemption.Infertile;
        data.Women.Add(m.Record);
        if (married && before.Count > 0) StartMethod(m, before[^1].date.AddDays(rng.Next(90, 270)), InitialMethod(before.Count));
    }

    private ContraceptiveType? InitialMethod(int children)
    {
        var x = rng.NextDouble();
        if (children >= 2 && x < 0.30) return ContraceptiveType.TubalLigation;
        if (children >= 2 && x < 0.33) return ContraceptiveType.Vasectomy;
        return x switch
        {
            < 0.80 => ContraceptiveType.IudInsertion,
            < 0.83 => ContraceptiveType.ImplantInsertion,
            < 0.88 => ContraceptiveType.Pill,
            < 0.97 => ContraceptiveType.Condom,
            _ => null,
        };
    }

    private void Deliver(List<Mother> mothers, DateOnly date, double sexRatio)
    {
        var wanted = rng.NextDouble() switch { < 0.44 => 0, < 0.89 => 1, _ => 2 };
        Mother? mother = null;
        for (var tries = 0; tries < 200 && mother is null; tries++)
        {
            var m = mothers[rng.Next(mothers.Count)];
            if (CanDeliver(m, date) && (Math.Min(m.ChildrenBorn.Count, 2) == wanted || tries > 150)) mother = m;
        }
        if (mother is null) return;

        EndReversibleMethod(mother, date.AddDays(-rng.Next(270, 420)));
        var rules = PolicyRule.Defaults;
        var before = mother.ChildrenBorn.Count;
        var rule = PolicyDecision.RuleOn(rules, date)!;
        string? permit = before >= rule.MaxChildren && rng.NextDouble() < 0.4 ? $"再审{date.Year}-{rng.Next(100, 999)}" : null;
        var (status, reason) = PolicyDecision.Decide(rules, date, before, permit is not null);
        var twins = rng.NextDouble() < 0.012 ? 2 : 1;
        var delivery = Guid.NewGuid();
        // Reported within days, by the monthly report's deadline (the 5th of the next month); about 4 % come late (补报).
        var late = rng.NextDouble() < 0.04;
        var reported = date.AddDays(late ? rng.Next(35, 120) : rng.Next(1, 25));
        var deadline = new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(4);
        if (!late && reported > deadline) reported = deadline;
        if (reported > reference) reported = reference;
        var surname = mother.Husband?.Name[..1] ?? mother.Person.Name[..1];
        for (var c = 0; c < twins; c++)
        {
            var sex = SexOfNext(mother.Person.TownshipCode, sexRatio);
            var child = population.AddPerson(mother.Household, surname, sex, date,
                mother.Person.Relation is Relation.Head or Relation.Spouse ? (sex == Sex.Male ? Relation.Son : Relation.Daughter) : Relation.Grandchild,
                MaritalStatus.Unmarried, null);
            child.Residence = Residence.Resident;
            child.MovedInOn = null;
            if (rng.NextDouble() < 0.3) child.IdNumber = null; // not yet applied for
            mother.ChildrenBorn.Add((date, sex));
            data.Births.Add(new Birth
            {
                Id = ids.Next(),
                ChildId = child.Id,
                MotherId = mother.Record!.Id,
                FatherId = mother.Husband?.Id,
                TownshipCode = child.TownshipCode,
                VillageCode = child.VillageCode,
                Sex = sex,
                BirthDate = date,
                Place = rng.NextDouble() < 0.7 ? "平原县人民医院" : "平原县妇幼保健院",
                CertificateNumber = $"R{date.Year}{++_certificate:D8}",
                DeliveryId = delivery,
                Parity = before + c + 1,
                PolicyStatus = status,
                PolicyReason = reason,
                PermitNumber = permit,
                ReportedOn = reported,
            });
        }
        var after = date.AddDays(rng.Next(60, 200));
        var x = rng.NextDouble();
        StartMethod(mother, after,
            mother.ChildrenBorn.Count >= 2 && x < 0.22 ? ContraceptiveType.TubalLigation
            : x < 0.70 ? ContraceptiveType.IudInsertion
            : x < 0.76 ? ContraceptiveType.ImplantInsertion
            : x < 0.95 ? ContraceptiveType.Condom : null);
    }

    /// <summary>Mostly keeps each township's running sex ratio at its target, with some chance, so small numbers still vary.</summary>
    private Sex SexOfNext(string township, double ratio)
    {
        var (boys, girls) = _sexes.GetValueOrDefault(township);
        var sex = rng.NextDouble() < 0.35
            ? (rng.NextDouble() < ratio / (100 + ratio) ? Sex.Male : Sex.Female)
            : (boys * 100.0 < ratio * girls || boys + girls == 0 ? Sex.Male : Sex.Female);
        _sexes[township] = sex == Sex.Male ? (boys + 1, girls) : (boys, girls + 1);
        return sex;
    }

    private bool CanDeliver(Mother m, DateOnly date)
    {
        var p = m.Person;
        var age = Age(p.BirthDate, date);
        if (m.Record is null || age is < 20 or > 44 || date < m.Record.RegisteredOn) return false;
        if (m.Record.MarriedOn is not { } married || married.AddDays(280) > date) return false;
        if (p.DiedOn <= date || p.MovedOutOn <= date || p.MovedInOn > date || m.Record.Exemption is not null) return false;
        if (m.ChildrenBorn.Count > 0 && m.ChildrenBorn[^1].date.AddDays(540) > date) return false;
        // Sterilised women have no more children; a reversible method must have been in use long enough to be ended first.
        return !_method.TryGetValue(p.Id, out var s)
            || (s.method is not (Method.FemaleSterilisation or Method.MaleSterilisation) && s.since.AddDays(450) <= date);
    }

    private void Abortion(List<Mother> mothers, DateOnly date, ContraceptiveType type)
    {
        var m = mothers[rng.Next(mothers.Count)];
        if (m.Record?.MarriedOn is null || m.Record.MarriedOn > date || date < m.Record.RegisteredOn || Age(m.Person.BirthDate, date) is < 18 or > 49
            || m.Person.DiedOn <= date) return;
        Add(m, type, date);
    }

    private void EndReversibleMethod(Mother m, DateOnly date)
    {
        if (!_method.TryGetValue(m.Person.Id, out var s) || date <= s.since) return;
        switch (s.method)
        {
            case Method.Iud: if (!Add(m, ContraceptiveType.IudRemoval, date)) return; break;
            case Method.Implant: if (!Add(m, ContraceptiveType.ImplantRemoval, date)) return; break;
            case Method.PillOrInjection or Method.Condom: if (!Add(m, ContraceptiveType.MethodStopped, date)) return; break;
            default: return;
        }
        _method[m.Person.Id] = (Method.None, date);
    }

    private void StartMethod(Mother m, DateOnly date, ContraceptiveType? type)
    {
        if (type is null || date > reference || date < m.Person.BirthDate.AddYears(Woman.MinAge)) return;
        if (!Add(m, type.Value, date)) return;
        _method[m.Person.Id] = (type switch
        {
            ContraceptiveType.TubalLigation => Method.FemaleSterilisation,
            ContraceptiveType.Vasectomy => Method.MaleSterilisation,
            ContraceptiveType.IudInsertion => Method.Iud,
            ContraceptiveType.ImplantInsertion => Method.Implant,
            ContraceptiveType.Pill => Method.PillOrInjection,
            _ => Method.Condom,
        }, date);
    }

    private bool Add(Mother m, ContraceptiveType type, DateOnly date)
    {
        if (date > reference || m.Person.DiedOn <= date || m.Person.MovedOutOn <= date) return false;
        data.Events.Add(new ContraceptiveEvent
        {
            Id = ids.Next(),
            WomanId = m.Record!.Id,
            TownshipCode = m.Person.TownshipCode,
            VillageCode = m.Person.VillageCode,
            Type = type,
            Date = date,
            Institution = type switch
            {
                ContraceptiveType.TubalLigation or ContraceptiveType.Vasectomy => rng.NextDouble() < 0.6 ? Institution.CountyStation : Institution.Hospital,
                ContraceptiveType.Abortion or ContraceptiveType.InducedLabour => rng.NextDouble() < 0.7 ? Institution.Hospital : Institution.CountyStation,
                _ => rng.NextDouble() < 0.7 ? Institution.TownshipClinic : Institution.CountyStation,
            },
            Complication = rng.NextDouble() < 0.003,
        });
        return true;
    }

    /// <summary>Annual death risk by age (giving about 6‰ overall) and move-outs, mostly of young adults.</summary>
    private void DeathsAndMigration()
    {
        var years = (reference.DayNumber - windowStart.DayNumber) / 365.25;
        foreach (var p in data.Persons)
        {
            var from = p.BirthDate > windowStart ? p.BirthDate : windowStart;
            var span = (reference.DayNumber - from.DayNumber) / 365.25;
            if (span <= 0) continue;
            var age = Age(p.BirthDate, windowStart);
            var risk = age switch { < 1 => 0.003, < 40 => 0.0005, < 60 => 0.0025, < 70 => 0.008, < 80 => 0.024, _ => 0.075 };
            if (rng.NextDouble() < 1 - Math.Pow(1 - risk, span))
            {
                p.DiedOn = from.AddDays(rng.Next((int)(span * 365)));
                continue;
            }
            var move = age is >= 18 and <= 40 ? 0.009 : 0.002;
            if (p.Relation is not Relation.Head && rng.NextDouble() < 1 - Math.Pow(1 - move, years))
            {
                p.MovedOutOn = from.AddDays(rng.Next(Math.Max(1, (int)(span * 365))));
                p.MovedOutTo = rng.NextDouble() < 0.5 ? "德州市德城区" : rng.NextDouble() < 0.5 ? "济南市" : "天津市";
            }
        }
    }

    private int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 30)
        {
            // Normal approximation: exp(-mean) would underflow for large means.
            var gauss = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * gauss));
        }
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do { k++; p *= rng.NextDouble(); } while (p > l);
        return k - 1;
    }
}
