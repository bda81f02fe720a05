using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.People;

/// <summary>人口: persons of the user's township, their death and migration.</summary>
public sealed class PersonService(AppDbContext db, ICurrentUser current, TimeProvider clock, PersonRules rules)
{
    public const string IdNumberIndex = "ix_persons_id_number";

    public Task<Paged<PersonRow>> SearchAsync(RegisterFilter f, CancellationToken ct, int pageSize = Paging.PageSize)
    {
        var q = current.Scope.Readable(db.Persons.AsNoTracking(), p => p.TownshipCode);
        if (!string.IsNullOrWhiteSpace(f.VillageCode)) q = q.Where(p => p.VillageCode == f.VillageCode);
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var text = f.Query.Trim();
            var id = IdNumber.Normalize(text);
            q = q.Where(p => p.Name.Contains(text) || p.IdNumber == id || p.Household!.Number == text);
        }
        return q.OrderBy(p => p.VillageCode).ThenBy(p => p.Household!.Number).ThenBy(p => p.Relation).ThenBy(p => p.BirthDate)
            .Select(p => new PersonRow(p.Id, p.Name, p.Sex, p.BirthDate, p.IdNumber, p.Household!.Number, p.HouseholdId,
                p.Household.Village!.Name, p.Relation, p.MaritalStatus, p.DiedOn, p.MovedOutOn))
            .PageAsync(f.Page, ct, pageSize);
    }

    public async Task<Person> GetAsync(long id, CancellationToken ct) =>
        await current.Scope.Readable(db.Persons.AsNoTracking(), p => p.TownshipCode)
            .Include(p => p.Household).ThenInclude(h => h!.Village)
            .FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundOrForbidden("人员");

    /// <summary>Whether this user sees full ID numbers of the township: only its own clerk does.</summary>
    public bool SeesFullIdNumbers(string townshipCode) => current.Scope.CanWrite(townshipCode);

    public async Task<long> CreateAsync(long householdId, PersonInput input, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null || !current.Scope.CanWrite(household.TownshipCode)) throw new NotFoundOrForbidden("户");
        var person = new Person
        {
            Name = "",
            HouseholdId = household.Id,
            VillageCode = household.VillageCode,
            TownshipCode = household.TownshipCode,
        };
        await ApplyAsync(person, input, ct);
        db.Persons.Add(person);
        await SaveAsync(person, ct);
        return person.Id;
    }

    public async Task UpdateAsync(long id, uint version, PersonInput input, CancellationToken ct)
    {
        var person = await WritableAsync(id, ct);
        db.ExpectVersion(person, version);
        await ApplyAsync(person, input, ct);
        if (person.DiedOn < person.BirthDate) throw new RuleViolation(nameof(input.BirthDate), "出生日期不能晚于已登记的死亡日期");
        await SaveAsync(person, ct);
    }

    public async Task RecordDeathAsync(long id, uint version, LifeEventInput input, CancellationToken ct)
    {
        var person = await WritableAsync(id, ct);
        db.ExpectVersion(person, version);
        rules.ApplyDeath(person, input, ChinaTime.Today(clock));
        await SaveAsync(person, ct);
    }

    public async Task MoveOutAsync(long id, uint version, LifeEventInput input, CancellationToken ct)
    {
        var person = await WritableAsync(id, ct);
        db.ExpectVersion(person, version);
        rules.ApplyMoveOut(person, input, ChinaTime.Today(clock));
        await SaveAsync(person, ct);
    }

    /// <summary>A person who had moved out comes back: the move-in date replaces the move-out.</summary>
    public async Task MoveInAsync(long id, uint version, LifeEventInput input, CancellationToken ct)
    {
        var person = await WritableAsync(id, ct);
        db.ExpectVersion(person, version);
        rules.ApplyMoveIn(person, input, ChinaTime.Today(clock));
        await SaveAsync(person, ct);
    }

    /// <summary>The dated history (oldest first) of a person read with <see cref="GetAsync"/>, and the names of the villages
    /// it passes through.</summary>
    public async Task<(List<PersonEvent> Events, Dictionary<string, string> Villages)> EventsAsync(Person person, CancellationToken ct)
    {
        var events = PersonHistory.Ordered(await db.PersonEvents.AsNoTracking().Where(e => e.PersonId == person.Id).ToListAsync(ct)).ToList();
        var codes = events.Select(e => e.VillageCode).Distinct().ToList();
        var villages = await db.Villages.AsNoTracking().Where(v => codes.Contains(v.Code)).ToDictionaryAsync(v => v.Code, v => v.Name, ct);
        return (events, villages);
    }

    /// <summary>
    /// Removes a fact entered wrongly (a move, a marriage, a death …) with the reason, written to the person's change history;
    /// what followed it is folded again and the person row shows the result. Registration cannot be removed (correct the
    /// person instead), and a fact dated in a submitted month is refused like any change there.
    /// </summary>
    public async Task DeleteFactAsync(long id, uint version, long eventId, string? reason, CancellationToken ct)
    {
        var person = await WritableAsync(id, ct);
        db.ExpectVersion(person, version);
        // Shown above the forms (the reason box sits in a table row): no field name.
        var why = string.IsNullOrWhiteSpace(reason) ? throw new RuleViolation(null, "请填写删除理由") : reason.Trim();
        if (why.Length > PersonEvent.NoteMaxLength) throw new RuleViolation(null, $"删除理由不能超过 {PersonEvent.NoteMaxLength} 个字");
        var fact = await db.PersonEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.PersonId == person.Id, ct)
            ?? throw new NotFoundOrForbidden("人口变动记录");
        if (fact.Kind == PersonEventKind.Registered)
            throw new RuleViolation(null, "出生登记是人员档案的起点，不能删除；如有错误请修改人员信息");
        db.PersonEvents.Remove(fact);
        db.PersonFacts.Refold(person.Id);
        var what = $"{PersonNames.Of(fact.Kind)} {fact.Date:yyyy-MM-dd}";
        db.AuditEntries.Add(AuditInterceptor.Updated(current.Scope, clock.GetUtcNow(), nameof(Person), person.Id.ToString(),
            person.TownshipCode, new() { ["PersonEvent"] = what }, new() { ["PersonEvent"] = "已删除：" + what, ["DeleteReason"] = why }));
        await SaveAsync(person, ct);
    }

    /// <summary>
    /// 县内迁移 on a date: to another household of this or another township of the county. Counts before the date keep the
    /// person where they were; from it on the person (and her 育龄妇女 record) belongs to the new township, whose clerk then
    /// keeps the record. Births and operations stay where they happened. Returns whether the person left this township.
    /// </summary>
    public async Task<bool> TransferAsync(long id, uint version, TransferInput input, CancellationToken ct)
    {
        var person = await WritableAsync(id, ct);
        db.ExpectVersion(person, version);
        var date = ChangeDate(person, input.Date, nameof(input.Date));
        if (person.DiedOn is not null) throw new RuleViolation(nameof(input.Date), "已死亡人员不能迁移");
        var number = Rules.Required(input.HouseholdNumber, nameof(input.HouseholdNumber), "迁入户的户编号");
        var township = await db.Townships.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Code == input.TownshipCode && (t.AbolishedOn == null || t.AbolishedOn > date), ct)
            ?? throw new RuleViolation(nameof(input.TownshipCode), "请选择本县现有的乡镇（街道）");
        // Another township's household is looked up only to link it: nothing of it is shown.
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.TownshipCode == township.Code && h.Number == number, ct)
            ?? throw new RuleViolation(nameof(input.HouseholdNumber), $"{township.Name}没有户编号为“{number}”的户，请核对");
        if (household.Id == person.HouseholdId) throw new RuleViolation(nameof(input.HouseholdNumber), "该人员已在此户");
        var transfer = PersonHistory.New(person, PersonEventKind.Transfer, date, note: $"迁往{township.Name}（户编号 {number}）");
        (transfer.TownshipCode, transfer.VillageCode, transfer.HouseholdId) = (household.TownshipCode, household.VillageCode, household.Id);
        db.PersonFacts.Add(transfer);
        var woman = await db.Women.FirstOrDefaultAsync(w => w.PersonId == person.Id, ct);
        if (woman is not null) (woman.TownshipCode, woman.VillageCode) = (household.TownshipCode, household.VillageCode);
        var left = household.TownshipCode != person.TownshipCode;
        await SaveAsync(person, ct);
        return left;
    }

    /// <summary>婚姻变动 on a date: a dated fact of the person's history; counts of earlier dates keep the earlier status.</summary>
    public async Task ChangeMaritalStatusAsync(long id, uint version, MaritalChangeInput input, CancellationToken ct)
    {
        var person = await WritableAsync(id, ct);
        db.ExpectVersion(person, version);
        var status = input.Status ?? throw new RuleViolation(nameof(input.Status), "请选择变动后的婚姻状况");
        var date = ChangeDate(person, input.Date, nameof(input.Date));
        db.PersonFacts.Add(PersonHistory.New(person, PersonEventKind.Marital, date, marital: status));
        await SaveAsync(person, ct);
    }

    /// <summary>居住状况变动 on a date (e.g. 流入 → 户籍 after settling here).</summary>
    public async Task ChangeResidenceAsync(long id, uint version, ResidenceChangeInput input, CancellationToken ct)
    {
        var person = await WritableAsync(id, ct);
        db.ExpectVersion(person, version);
        var residence = input.Residence ?? throw new RuleViolation(nameof(input.Residence), "请选择变动后的居住状况");
        var date = ChangeDate(person, input.Date, nameof(input.Date));
        var fact = PersonHistory.New(person, PersonEventKind.Residence, date);
        fact.Residence = residence;
        db.PersonFacts.Add(fact);
        await SaveAsync(person, ct);
    }

    private DateOnly ChangeDate(Person person, DateOnly? value, string field)
    {
        var date = value ?? throw new RuleViolation(field, "请填写变动日期");
        Rules.NotInFuture(date, ChinaTime.Today(clock), field, "变动日期");
        Rules.NotBefore(date, person.BirthDate, field, "变动日期", "出生日期");
        if (person.DiedOn < date) throw new RuleViolation(field, $"{person.Name}已于 {person.DiedOn:yyyy-MM-dd} 死亡");
        return date;
    }

    public async Task<Person> WritableAsync(long id, CancellationToken ct)
    {
        var person = await current.Scope.Readable(db.Persons, p => p.TownshipCode).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundOrForbidden("人员");
        if (!current.Scope.CanWrite(person.TownshipCode)) throw new NotFoundOrForbidden("人员");
        return person;
    }

    private async Task ApplyAsync(Person p, PersonInput input, CancellationToken ct)
    {
        rules.ApplyFields(p, input, ChinaTime.Today(clock));
        p.IdNumber = await CheckIdNumberAsync(input.IdNumber, p.BirthDate, p.Sex, p.Id, nameof(input.IdNumber), ct);
    }

    /// <summary>The ID number rules (docs/domain.md): form, check character, embedded birth date and sex, one person per number.</summary>
    public async Task<string?> CheckIdNumberAsync(string? raw, DateOnly birthDate, Sex sex, long selfId, string field,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var number = IdNumber.Normalize(raw);
        var error = IdNumber.Check(number, birthDate, sex);
        if (error is not null) throw new RuleViolation(field, error);
        // Checked across the whole county, not only the user's township: one person, one number.
        var other = await db.Persons.AsNoTracking().Where(p => p.IdNumber == number && p.Id != selfId)
            .Select(p => new { p.Name, p.TownshipCode }).FirstOrDefaultAsync(ct);
        if (other is not null)
            throw new RuleViolation(field, current.Scope.CanRead(other.TownshipCode)
                ? $"公民身份号码 {number} 已登记给 {other.Name}"
                : $"公民身份号码 {number} 已在其他乡镇登记");
        return number;
    }

    private Task SaveAsync(Person person, CancellationToken ct) =>
        db.SaveOrExplainAsync(ct, (IdNumberIndex, nameof(PersonInput.IdNumber), $"公民身份号码 {person.IdNumber} 已被登记"));
}
