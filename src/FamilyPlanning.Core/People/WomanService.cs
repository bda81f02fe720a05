using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.People;

/// <summary>育龄妇女 register: women 15–49 of the user's township, their children and the method in effect.</summary>
public sealed class WomanService(AppDbContext db, ICurrentUser current, TimeProvider clock, WomanRules rules)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<Paged<WomanRow>> SearchAsync(WomanFilter f, CancellationToken ct, int pageSize = Paging.PageSize)
    {
        var today = Today;
        var q = current.Scope.Readable(db.Women.AsNoTracking(), w => w.TownshipCode);
        if (!f.IncludeLeft)
        {
            // 在册: 15–49 today, alive, not moved out. She leaves (出队) by herself at 50, death or move-out.
            var bornAfter = today.AddYears(-(Woman.MaxAge + 1));
            var bornBy = today.AddYears(-Woman.MinAge);
            q = q.Where(w => w.Person!.BirthDate > bornAfter && w.Person.BirthDate <= bornBy
                && w.Person.DiedOn == null && w.Person.MovedOutOn == null);
        }
        if (!string.IsNullOrWhiteSpace(f.VillageCode)) q = q.Where(w => w.VillageCode == f.VillageCode);
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var text = f.Query.Trim();
            var id = IdNumber.Normalize(text);
            q = q.Where(w => w.Person!.Name.Contains(text) || w.Person.IdNumber == id || w.Person.Household!.Number == text);
        }
        var page = await q.OrderBy(w => w.VillageCode).ThenBy(w => w.Person!.BirthDate)
            .Select(w => new WomanRow(w.Id, w.PersonId, w.Person!.Name, w.Person.IdNumber, w.Person.BirthDate,
                w.Person.Household!.Village!.Name, w.Person.MaritalStatus,
                w.BoysBefore + db.Births.Count(b => b.MotherId == w.Id && b.Sex == Sex.Male),
                w.GirlsBefore + db.Births.Count(b => b.MotherId == w.Id && b.Sex == Sex.Female),
                w.Exemption, w.Person.DiedOn, w.Person.MovedOutOn))
            .PageAsync(f.Page, ct, pageSize);
        var methods = await MethodsOnAsync(page.Rows.Select(r => r.Id).ToList(), today, ct);
        foreach (var row in page.Rows) row.Method = methods.GetValueOrDefault(row.Id);
        return page;
    }

    /// <summary>The method in effect on a date for each woman, from one query over their events.</summary>
    public async Task<Dictionary<long, Method>> MethodsOnAsync(List<long> womanIds, DateOnly on, CancellationToken ct)
    {
        var events = await db.ContraceptiveEvents.AsNoTracking()
            .Where(e => womanIds.Contains(e.WomanId) && e.Date <= on)
            .Select(e => new { e.WomanId, e.Type, e.Date }).ToListAsync(ct);
        return events.GroupBy(e => e.WomanId)
            .ToDictionary(g => g.Key, g => Methods.InEffect(g.Select(e => (e.Type, e.Date)), on));
    }

    /// <summary>The woman's exemptions with their dates, oldest first (her record must be readable: call after GetAsync).</summary>
    public Task<List<WomanExemption>> ExemptionsAsync(long womanId, CancellationToken ct) =>
        db.WomanExemptions.AsNoTracking().Where(x => x.WomanId == womanId).OrderBy(x => x.From).ToListAsync(ct);

    public async Task<Woman> GetAsync(long id, CancellationToken ct) =>
        await current.Scope.Readable(db.Women.AsNoTracking(), w => w.TownshipCode)
            .Include(w => w.Person).ThenInclude(p => p!.Household).ThenInclude(h => h!.Village)
            .FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundOrForbidden("育龄妇女");

    /// <summary>A woman's record that this user may change (her township's clerk); anyone else gets "not found".</summary>
    public async Task<Woman> WritableAsync(long id, CancellationToken ct)
    {
        var woman = await GetAsync(id, ct);
        return current.Scope.CanWrite(woman.TownshipCode) ? woman : throw new NotFoundOrForbidden("育龄妇女");
    }

    public Task<long?> IdOfPersonAsync(long personId, CancellationToken ct) =>
        current.Scope.Readable(db.Women.AsNoTracking(), w => w.TownshipCode)
            .Where(w => w.PersonId == personId).Select(w => (long?)w.Id).FirstOrDefaultAsync(ct);

    /// <summary>Females of the user's township aged 15–49 today with no 育龄妇女 record yet, matching a name or ID number.</summary>
    public async Task<List<PersonCandidate>> CandidatesAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var today = Today;
        var bornAfter = today.AddYears(-(Woman.MaxAge + 1));
        var bornBy = today.AddYears(-Woman.MinAge);
        var id = IdNumber.Normalize(text);
        var q = current.Scope.Readable(db.Persons.AsNoTracking(), p => p.TownshipCode)
            .Where(p => p.Sex == Sex.Female && p.DiedOn == null && p.MovedOutOn == null
                && p.BirthDate > bornAfter && p.BirthDate <= bornBy
                && !db.Women.Any(w => w.PersonId == p.Id)
                && (p.IdNumber == id || p.Name.Contains(text.Trim())));
        return await q.OrderBy(p => p.Name).Take(20)
            .Select(p => new PersonCandidate(p.Id, p.Name, p.IdNumber, p.BirthDate, p.Household!.Village!.Name)).ToListAsync(ct);
    }

    public async Task<long> CreateAsync(long personId, WomanInput input, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null || !current.Scope.CanWrite(person.TownshipCode)) throw new NotFoundOrForbidden("人员");
        if (await db.Women.AnyAsync(w => w.PersonId == personId, ct)) throw new RuleViolation(null, $"{person.Name}已有育龄妇女档案");
        rules.CheckNew(person, input.RegisteredOn);
        var woman = new Woman { PersonId = person.Id, TownshipCode = person.TownshipCode, VillageCode = person.VillageCode };
        rules.Apply(woman, person, input, Today);
        db.Women.Add(woman);
        await db.SaveOrExplainAsync(ct);
        return woman.Id;
    }

    public async Task UpdateAsync(long id, uint version, WomanInput input, CancellationToken ct)
    {
        var woman = await current.Scope.Readable(db.Women, w => w.TownshipCode).Include(w => w.Person)
            .FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundOrForbidden("育龄妇女");
        if (!current.Scope.CanWrite(woman.TownshipCode)) throw new NotFoundOrForbidden("育龄妇女");
        db.ExpectVersion(woman, version);
        rules.Apply(woman, woman.Person!, input, Today);
        await db.SaveOrExplainAsync(ct);
    }
}
