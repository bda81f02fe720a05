using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Contraception;

/// <summary>节育手术 (四术) and ongoing methods for registered women, with the rules of <see cref="ContraceptionRules"/>
/// (docs/domain.md, validation rules).</summary>
public sealed class ContraceptionService(AppDbContext db, ICurrentUser current, TimeProvider clock, ContraceptionRules rules)
{
    public Task<Paged<ContraceptionRow>> SearchAsync(ContraceptionFilter f, CancellationToken ct, int pageSize = Paging.PageSize)
    {
        var q = current.Scope.Readable(db.ContraceptiveEvents.AsNoTracking(), e => e.TownshipCode);
        if (!string.IsNullOrWhiteSpace(f.VillageCode)) q = q.Where(e => e.VillageCode == f.VillageCode);
        if (f.Type is { } type) q = q.Where(e => e.Type == type);
        if (f.From is { } from) q = q.Where(e => e.Date >= from);
        if (f.To is { } to) q = q.Where(e => e.Date <= to);
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var text = f.Query.Trim();
            var id = IdNumber.Normalize(text);
            q = q.Where(e => e.Woman!.Person!.Name.Contains(text) || e.Woman.Person.IdNumber == id);
        }
        return q.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Select(e => new ContraceptionRow(e.Id, e.WomanId, e.Woman!.Person!.Name, e.Woman.Person.IdNumber,
                e.Woman.Person.Household!.Village!.Name, e.Type, e.Date, e.Institution, e.Complication))
            .PageAsync(f.Page, ct, pageSize);
    }

    public Task<List<ContraceptiveEvent>> OfWomanAsync(long womanId, CancellationToken ct) =>
        current.Scope.Readable(db.ContraceptiveEvents.AsNoTracking(), e => e.TownshipCode)
            .Where(e => e.WomanId == womanId).OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct);

    public async Task<long> RecordAsync(RecordContraception input, CancellationToken ct)
    {
        var woman = await db.Women.AsNoTracking().Include(w => w.Person).FirstOrDefaultAsync(w => w.Id == input.WomanId, ct);
        if (woman is null || !current.Scope.CanWrite(woman.TownshipCode))
            throw new RuleViolation(nameof(input.WomanId), "请在本乡镇的育龄妇女中选择");
        var type = input.Type ?? throw new RuleViolation(nameof(input.Type), "请选择手术或避孕方法");
        var date = input.Date ?? throw new RuleViolation(nameof(input.Date), "请填写日期");
        Rules.ThrowFirst(rules.Date(woman.Person!, date, ChinaTime.Today(clock)));

        var history = await db.ContraceptiveEvents.AsNoTracking().Where(e => e.WomanId == woman.Id && e.Date <= date)
            .Select(e => new { e.Type, e.Date }).ToListAsync(ct);
        var events = history.Select(e => (e.Type, e.Date)).ToList();
        Rules.ThrowFirst([rules.Sequence(type, date, events)]);

        var e = new ContraceptiveEvent
        {
            WomanId = woman.Id,
            TownshipCode = woman.TownshipCode,
            VillageCode = woman.VillageCode,
            Type = type,
            Date = date,
            Institution = input.Institution ?? throw new RuleViolation(nameof(input.Institution), "请选择施术机构"),
            Complication = input.Complication,
            Note = input.Note?.Trim() ?? "",
        };
        db.ContraceptiveEvents.Add(e);
        await db.SaveOrExplainAsync(ct);
        return e.Id;
    }

    public async Task DeleteAsync(long id, uint version, CancellationToken ct)
    {
        var e = await current.Scope.Readable(db.ContraceptiveEvents, x => x.TownshipCode).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundOrForbidden("节育记录");
        if (!current.Scope.CanWrite(e.TownshipCode)) throw new NotFoundOrForbidden("节育记录");
        db.ExpectVersion(e, version);
        db.ContraceptiveEvents.Remove(e);
        // Removing an insertion must not leave a later removal without its device.
        var rest = await db.ContraceptiveEvents.AsNoTracking().Where(x => x.WomanId == e.WomanId && x.Id != id)
            .OrderBy(x => x.Date).ThenBy(x => x.Id).Select(x => new { x.Type, x.Date }).ToListAsync(ct);
        for (var i = 0; i < rest.Count; i++)
        {
            var before = rest.Take(i).Where(x => x.Date <= rest[i].Date).Select(x => (x.Type, x.Date)).ToList();
            if (rules.Sequence(rest[i].Type, rest[i].Date, before) is { } v)
                throw new RuleViolation(null, $"删除后 {rest[i].Date:yyyy-MM-dd} 的{Methods.Of(rest[i].Type)}记录将不成立：{v.Message}");
        }
        await db.SaveOrExplainAsync(ct);
    }
}
