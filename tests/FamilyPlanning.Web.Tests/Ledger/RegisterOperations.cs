using System.Text;
using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.Monthly;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Tests.Imports;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPlanning.Web.Tests.Ledger;

/// <summary>
/// Random register changes through the portal's own services (as the system user), the way clerks make them: births
/// (twins too) registered, edited, re-classified and deleted; contraceptive events (same-day replacements too) recorded and
/// deleted; deaths, moves out and in, transfers between villages and townships, marriages and divorces, residence changes,
/// exemptions, certificates, corrections of dated facts, month submissions, subsidies and payments, and imports. Dates are
/// spread over four years, so most entries are back-dated. A change a rule refuses is simply not made.
/// </summary>
public sealed class RegisterOperations(PortalFactory portal, Random rng)
{
    /// <summary>Four years up to yesterday on the test clock, so no change is refused for lying in the future.</summary>
    private static readonly DateOnly Last = Given.Today.AddDays(-1), First = Last.AddYears(-4).AddDays(1);
    private readonly Given _given = new(portal);
    private List<(string Township, string Village)> _villages = [];
    private int _imports;

    public int Applied { get; private set; }

    public async Task SetUpAsync()
    {
        _villages = await Db(db => db.Villages.Where(v => v.TownshipCode == Given.Longmen || v.TownshipCode == Given.Taoyuan)
            .OrderBy(v => v.Code).Select(v => new { v.TownshipCode, v.Code }).Take(6).ToListAsync())
            .ContinueWith(t => t.Result.Select(v => (v.TownshipCode, v.Code)).ToList());
        for (var i = 0; i < 12; i++) await NewWomanAsync();
    }

    private Task<T> Db<T>(Func<AppDbContext, Task<T>> work) => _given.Db(work);

    /// <summary>Calls a service as the clerk of <paramref name="township"/>.</summary>
    private async Task<T> With<TService, T>(string township, Func<TService, AppDbContext, Task<T>> work) where TService : notnull
    {
        using var acting = ActingUser.As(ActingUser.ClerkOf(township));
        using var scope = portal.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private DateOnly Day() => First.AddDays(rng.Next(Last.DayNumber - First.DayNumber + 1));

    private T Pick<T>(IReadOnlyList<T> list) => list[rng.Next(list.Count)];

    private async Task<long?> PickId(Func<AppDbContext, IQueryable<long>> ids)
    {
        var all = await Db(db => ids(db).OrderBy(x => x).ToListAsync());
        return all.Count == 0 ? null : Pick(all);
    }

    /// <summary>One random change; what was tried, and whether it was made.</summary>
    public async Task<string> RandomAsync()
    {
        var ops = new (int Weight, string Name, Func<Task> Run)[]
        {
            (6, "new woman", NewWomanAsync), (2, "new unregistered woman", NewUnregisteredAsync), (14, "birth", BirthAsync),
            (4, "edit birth", EditBirthAsync), (3, "policy override", OverrideAsync), (3, "delete birth", DeleteBirthAsync),
            (14, "contraception", ContraceptionAsync), (3, "delete contraception", DeleteContraceptionAsync),
            (3, "death", DeathAsync), (5, "move out or in", MoveAsync), (4, "transfer", TransferAsync),
            (6, "marital change", MaritalAsync), (5, "residence change", ResidenceAsync), (6, "exemption", ExemptionAsync),
            (3, "certificate", CertificateAsync), (3, "delete fact", DeleteFactAsync), (2, "month submitted", SubmitAsync),
            (3, "subsidy", SubsidyAsync), (2, "payment", PaymentAsync), (1, "import", ImportAsync),
        };
        var roll = rng.Next(ops.Sum(o => o.Weight));
        var op = ops.First(o => (roll -= o.Weight) < 0);
        try
        {
            await op.Run();
            Applied++;
            return op.Name;
        }
        catch (Exception e) when (e is RuleViolation or NotFoundOrForbidden or SkipOperation)
        {
            return $"{op.Name} (refused: {e.Message})";
        }
    }

    private sealed class SkipOperation(string why) : Exception(why);

    private async Task NewWomanAsync()
    {
        var (township, village) = Pick(_villages);
        var birth = new DateOnly(1972, 1, 1).AddDays(rng.Next(365 * 38));
        await _given.MotherAsync(birth, rng.Next(2), rng.Next(2), township, village, registeredOn: Day());
    }

    private async Task NewUnregisteredAsync()
    {
        var (township, village) = Pick(_villages);
        var household = await _given.HouseholdAsync(township, village);
        await _given.PersonAsync(household, "未建档", Sex.Female, new DateOnly(1975, 1, 1).AddDays(rng.Next(365 * 35)));
    }

    private async Task<long> WomanAsync() => await PickId(db => db.Women.Select(w => w.Id)) ?? throw new SkipOperation("no woman");

    private async Task<long> PersonAsync() => await PickId(db => db.Persons.Select(p => p.Id)) ?? throw new SkipOperation("no person");

    private Task<string> WomanTownshipAsync(long id) => Db(db => db.Women.Where(w => w.Id == id).Select(w => w.TownshipCode).FirstAsync());

    private Task<string> PersonTownshipAsync(long id) => Db(db => db.Persons.Where(p => p.Id == id).Select(p => p.TownshipCode).FirstAsync());

    private async Task BirthAsync()
    {
        var mother = await WomanAsync();
        var date = Day();
        var twins = rng.Next(8) == 0;
        var reported = date.AddDays(rng.Next(3) == 0 ? rng.Next(20, 400) : rng.Next(15));
        await With<BirthService, BirthResult>(await WomanTownshipAsync(mother), (s, _) => s.RegisterAsync(new RegisterBirth
        {
            MotherId = mother,
            BirthDate = date,
            ReportedOn = reported > Last ? Last : reported,
            Children = Enumerable.Range(0, twins ? 2 : 1)
                .Select(i => new ChildInput { Name = $"婴{i}", Sex = rng.Next(2) == 0 ? Sex.Male : Sex.Female }).ToList(),
        }, default));
    }

    private async Task<Birth> BirthRowAsync()
    {
        var id = await PickId(db => db.Births.Select(b => b.Id)) ?? throw new SkipOperation("no birth");
        return await Db(db => db.Births.AsNoTracking().FirstAsync(b => b.Id == id));
    }

    private async Task EditBirthAsync()
    {
        var b = await BirthRowAsync();
        var reported = b.BirthDate.AddDays(rng.Next(200));
        await With<BirthService, bool>(b.TownshipCode, async (s, _) =>
        {
            await s.UpdateAsync(b.Id, b.Version, new BirthEdit { Place = b.Place, ReportedOn = reported > Last ? Last : reported }, default);
            return true;
        });
    }

    private async Task OverrideAsync()
    {
        var b = await BirthRowAsync();
        await With<BirthService, bool>(b.TownshipCode, async (s, _) =>
        {
            if (b.PolicyOverridden && rng.Next(2) == 0) await s.ClearOverrideAsync(b.Id, default);
            else await s.OverridePolicyAsync(b.Id, new PolicyOverride
            {
                Status = rng.Next(2) == 0 ? PolicyStatus.Compliant : PolicyStatus.OutOfPolicy,
                Reason = "复核后人工认定",
            }, default);
            return true;
        });
    }

    private async Task DeleteBirthAsync()
    {
        var b = await BirthRowAsync();
        await With<BirthService, bool>(b.TownshipCode, async (s, _) => { await s.DeleteAsync(b.Id, b.Version, default); return true; });
    }

    private async Task ContraceptionAsync()
    {
        var woman = await WomanAsync();
        var date = Day();
        var types = Enum.GetValues<ContraceptiveType>();
        var events = rng.Next(5) == 0
            ? new[] { ContraceptiveType.IudInsertion, ContraceptiveType.IudRemoval }   // a same-day replacement, entered in either order
            : [Pick(types)];
        foreach (var type in events)
            await With<ContraceptionService, long>(await WomanTownshipAsync(woman), (s, _) => s.RecordAsync(new RecordContraception
            {
                WomanId = woman,
                Type = type,
                Date = date,
                Institution = Institution.TownshipClinic,
            }, default));
    }

    private async Task DeleteContraceptionAsync()
    {
        var id = await PickId(db => db.ContraceptiveEvents.Select(e => e.Id)) ?? throw new SkipOperation("no event");
        var (version, township) = await Db(async db => await db.ContraceptiveEvents.Where(e => e.Id == id)
            .Select(e => new { e.Version, e.TownshipCode }).FirstAsync()) is var v ? (v.Version, v.TownshipCode) : default;
        await With<ContraceptionService, bool>(township, async (s, _) => { await s.DeleteAsync(id, version, default); return true; });
    }

    private async Task<(long Id, uint Version)> PersonVersionAsync()
    {
        var id = await PersonAsync();
        return (id, await Db(db => db.Persons.Where(p => p.Id == id).Select(p => p.Version).FirstAsync()));
    }

    private async Task DeathAsync()
    {
        var (id, version) = await PersonVersionAsync();
        await With<PersonService, bool>(await PersonTownshipAsync(id), async (s, _) => { await s.RecordDeathAsync(id, version, new LifeEventInput { Date = Day() }, default); return true; });
    }

    private async Task MoveAsync()
    {
        var (id, version) = await PersonVersionAsync();
        var input = new LifeEventInput { Date = Day(), Place = "广东省深圳市" };
        await With<PersonService, bool>(await PersonTownshipAsync(id), async (s, db) =>
        {
            var person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == id);
            if (person.MovedOutOn is null) await s.MoveOutAsync(id, version, input, default);
            else await s.MoveInAsync(id, version, input, default);
            return true;
        });
    }

    private async Task TransferAsync()
    {
        var (id, version) = await PersonVersionAsync();
        var target = await PickId(db => db.Households.Select(h => h.Id)) ?? throw new SkipOperation("no household");
        var household = await Db(db => db.Households.AsNoTracking().FirstAsync(h => h.Id == target));
        await With<PersonService, bool>(await PersonTownshipAsync(id), (s, _) => s.TransferAsync(id, version,
            new TransferInput { TownshipCode = household.TownshipCode, HouseholdNumber = household.Number, Date = Day() }, default));
    }

    private async Task MaritalAsync()
    {
        var (id, version) = await PersonVersionAsync();
        var status = Pick(Enum.GetValues<MaritalStatus>());
        await With<PersonService, bool>(await PersonTownshipAsync(id), async (s, _) =>
        {
            await s.ChangeMaritalStatusAsync(id, version, new MaritalChangeInput { Status = status, Date = Day() }, default);
            return true;
        });
    }

    private async Task ResidenceAsync()
    {
        var (id, version) = await PersonVersionAsync();
        var residence = Pick(Enum.GetValues<Residence>());
        await With<PersonService, bool>(await PersonTownshipAsync(id), async (s, _) =>
        {
            await s.ChangeResidenceAsync(id, version, new ResidenceChangeInput { Residence = residence, Date = Day() }, default);
            return true;
        });
    }

    private async Task UpdateWomanAsync(Func<Woman, WomanInput, WomanInput> change)
    {
        var id = await WomanAsync();
        await With<WomanService, bool>(await WomanTownshipAsync(id), async (s, db) =>
        {
            var w = await db.Women.AsNoTracking().FirstAsync(x => x.Id == id);
            await s.UpdateAsync(id, w.Version, change(w, WomanInput.Of(w)), default);
            return true;
        });
    }

    private Task ExemptionAsync()
    {
        var reasons = Enum.GetValues<Exemption>();
        var reason = rng.Next(3) == 0 ? (Exemption?)null : Pick(reasons);
        var on = Day();
        return UpdateWomanAsync((_, input) => input with { Exemption = reason, ExemptionChangedOn = on });
    }

    private Task CertificateAsync()
    {
        var number = $"D{rng.Next(100000):D5}";
        DateOnly? on = rng.Next(4) == 0 ? null : Day();
        var remove = rng.Next(5) == 0;
        return UpdateWomanAsync((_, input) => input with
        {
            OneChildCertificate = remove ? null : number,
            OneChildCertificateOn = remove ? null : on,
        });
    }

    private async Task DeleteFactAsync()
    {
        var eventId = await PickId(db => db.PersonEvents.Where(e => e.Kind != PersonEventKind.Registered).Select(e => e.Id))
            ?? throw new SkipOperation("no fact");
        var fact = await Db(db => db.PersonEvents.AsNoTracking().FirstAsync(e => e.Id == eventId));
        var version = await Db(db => db.Persons.Where(p => p.Id == fact.PersonId).Select(p => p.Version).FirstAsync());
        await With<PersonService, bool>(await PersonTownshipAsync(fact.PersonId), async (s, _) => { await s.DeleteFactAsync(fact.PersonId, version, eventId, "录入有误，更正", default); return true; });
    }

    /// <summary>A month submitted on some day after it (left submitted, or reopened so it can still be written).</summary>
    private async Task SubmitAsync()
    {
        var (township, _) = Pick(_villages);
        var day = Day();
        var month = new DateOnly(day.Year, day.Month, 1);
        var on = month.AddMonths(1).AddDays(rng.Next(20));
        await Db(async db =>
        {
            if (await db.MonthlyReports.AnyAsync(r => r.TownshipCode == township && r.Month == month)) throw new SkipOperation("already");
            db.MonthlyReports.Add(new MonthlyReport
            {
                TownshipCode = township,
                Month = month,
                Status = rng.Next(2) == 0 ? ReportStatus.Submitted : ReportStatus.Reopened,
                FirstSubmittedOn = on,
            });
            return await db.SaveChangesAsync();
        });
    }

    private async Task SubsidyAsync()
    {
        var existing = await PickId(db => db.Beneficiaries.Where(b => b.ExitedOn == null).Select(b => b.Id));
        if (existing is { } id && rng.Next(3) == 0)
        {
            await Db(async db =>
            {
                var b = await db.Beneficiaries.FirstAsync(x => x.Id == id);
                (b.ExitedOn, b.Status, b.ExitReason) = (Day(), BeneficiaryStatus.Exited, ExitReason.Death);
                return await db.SaveChangesAsync();
            });
            return;
        }
        // Parents apply (a registered child may be deleted with its birth record).
        var person = await PickId(db => db.Women.Select(w => w.PersonId)) ?? throw new SkipOperation("no woman");
        var first = Day();
        await _given.ApprovedAsync(person, new DateOnly(first.Year, first.Month, 1), Pick(Enum.GetValues<Programme>()));
    }

    private async Task PaymentAsync()
    {
        var id = await PickId(db => db.Beneficiaries.Select(b => b.Id)) ?? throw new SkipOperation("no beneficiary");
        var day = Day();
        var month = new DateOnly(day.Year, day.Month, 1);
        await Db(async db =>
        {
            var b = await db.Beneficiaries.FirstAsync(x => x.Id == id);
            var run = new PaymentRun { TownshipCode = b.TownshipCode, FromMonth = month, ToMonth = month.AddMonths(1), CreatedBy = "system" };
            run.Lines.Add(new PaymentLine
            {
                BeneficiaryId = id,
                Programme = b.Programme,
                Months = 2,
                Amount = 161.5m,
                PaidMonths = [month, month.AddMonths(1)],
                MonthAmounts = [80m, 81.5m],
            });
            db.PaymentRuns.Add(run);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Two couples through the person import (its bulk COPY path).</summary>
    private async Task ImportAsync()
    {
        var rows = ImportFiles.Couples(2, offset: 7000 + 2 * _imports++);
        var csv = Encoding.UTF8.GetBytes(ImportFiles.CsvText(ImportTemplates.Persons, rows));
        var result = await With<ImportService, ImportResult>(Given.Longmen, (s, _) => s.ImportAsync(ImportKind.Persons, "persons.csv", csv, null, default));
        if (!result.Succeeded) throw new SkipOperation(string.Join("; ", result.Problems.Take(2).Select(p => p.Message)));
    }
}
