using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Places;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.People;

/// <summary>户籍登记: households of the user's township.</summary>
public sealed class HouseholdService(AppDbContext db, ICurrentUser current, TimeProvider clock)
{
    private const string NumberIndex = "ix_households_township_code_number";

    public Task<Paged<HouseholdRow>> SearchAsync(RegisterFilter f, CancellationToken ct, int pageSize = Paging.PageSize)
    {
        var q = current.Scope.Readable(db.Households.AsNoTracking(), h => h.TownshipCode);
        if (!string.IsNullOrWhiteSpace(f.VillageCode)) q = q.Where(h => h.VillageCode == f.VillageCode);
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var text = f.Query.Trim();
            q = q.Where(h => h.Number == text || h.HeadName.Contains(text) || h.Members.Any(m => m.Name.Contains(text) || m.IdNumber == text.ToUpper()));
        }
        return q.OrderBy(h => h.VillageCode).ThenBy(h => h.Number)
            .Select(h => new HouseholdRow(h.Id, h.Number, h.Village!.Name, h.HeadName, h.HukouType, h.Members.Count))
            .PageAsync(f.Page, ct, pageSize);
    }

    public async Task<Household> GetAsync(long id, CancellationToken ct) =>
        await current.Scope.Readable(db.Households.AsNoTracking(), h => h.TownshipCode)
            .Include(h => h.Village).Include(h => h.Members.OrderBy(m => m.Relation).ThenBy(m => m.BirthDate))
            .FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundOrForbidden("户");

    public async Task<long> CreateAsync(HouseholdInput input, CancellationToken ct)
    {
        var village = await WritableVillageAsync(input.VillageCode, ct);
        var household = new Household
        {
            Number = Rules.Required(input.Number, nameof(input.Number), "户编号"),
            VillageCode = village.Code,
            TownshipCode = village.TownshipCode,
        };
        Apply(household, input);
        db.Households.Add(household);
        await db.SaveOrExplainAsync(ct, (NumberIndex, nameof(input.Number), $"户编号 {household.Number} 在本乡镇已存在"));
        return household.Id;
    }

    public async Task UpdateAsync(long id, uint version, HouseholdInput input, CancellationToken ct)
    {
        var household = await WritableAsync(id, ct);
        var village = await WritableVillageAsync(input.VillageCode, ct);
        db.ExpectVersion(household, version);
        household.Number = Rules.Required(input.Number, nameof(input.Number), "户编号");
        var moved = household.VillageCode != village.Code;
        household.VillageCode = village.Code;
        Apply(household, input);
        // Members, and the women's records of members, live where their household lives (births and operations keep the
        // village they happened in). A household moved to another village moves its members from today on: every earlier
        // date still counts them in the old village (a dated transfer in each member's history).
        var today = ChinaTime.Today(clock);
        await db.Persons.Where(p => p.HouseholdId == id).ForEachAsync(p =>
        {
            if (!moved) return;
            var transfer = PersonHistory.New(p, PersonEventKind.Transfer, today, note: "整户迁至" + village.Name);
            transfer.VillageCode = village.Code;
            db.PersonFacts.Add(transfer);
            p.VillageCode = village.Code;
        }, ct);
        await db.Women.Where(w => w.Person!.HouseholdId == id).ForEachAsync(w => w.VillageCode = village.Code, ct);
        await db.SaveOrExplainAsync(ct, (NumberIndex, nameof(input.Number), $"户编号 {household.Number} 在本乡镇已存在"));
    }

    private static void Apply(Household h, HouseholdInput input)
    {
        h.Address = input.Address?.Trim() ?? "";
        h.HeadName = Rules.Required(input.HeadName, nameof(input.HeadName), "户主姓名");
        h.HukouType = input.HukouType ?? throw new RuleViolation(nameof(input.HukouType), "请选择户口性质");
    }

    public async Task<Household> WritableAsync(long id, CancellationToken ct)
    {
        var household = await current.Scope.Readable(db.Households, h => h.TownshipCode).FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new NotFoundOrForbidden("户");
        if (!current.Scope.CanWrite(household.TownshipCode)) throw new NotFoundOrForbidden("户");
        return household;
    }

    private async Task<Village> WritableVillageAsync(string? code, CancellationToken ct)
    {
        var village = await db.Villages.AsNoTracking().FirstOrDefaultAsync(v => v.Code == code, ct);
        if (village is null || !current.Scope.CanWrite(village.TownshipCode))
            throw new RuleViolation(nameof(HouseholdInput.VillageCode), "请选择本乡镇的村（居）");
        if (village.AbolishedOn is not null) throw new RuleViolation(nameof(HouseholdInput.VillageCode), $"{village.Name}已撤销");
        return village;
    }
}
