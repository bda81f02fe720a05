using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Places;

/// <summary>The county's org tree. Everyone signed in may read names and codes; only Admin changes them. Codes never
/// change once saved (they key every record made in the place); a merged township is abolished, not renumbered.</summary>
public sealed class PlaceService(AppDbContext db, ICurrentUser current)
{
    public Task<County?> CountyAsync(CancellationToken ct) => db.Counties.AsNoTracking().OrderBy(c => c.Code).FirstOrDefaultAsync(ct);

    public Task<List<TownshipRow>> TownshipsAsync(CancellationToken ct) =>
        db.Townships.AsNoTracking()
            .OrderBy(t => t.AbolishedOn != null).ThenBy(t => t.Code)
            .Select(t => new TownshipRow(t.Code, t.Name, t.Kind, t.Villages.Count, t.AbolishedOn,
                t.Successor == null ? null : t.Successor.Name))
            .ToListAsync(ct);

    public async Task<Township> TownshipAsync(string code, CancellationToken ct) =>
        await db.Townships.AsNoTracking().Include(t => t.Villages.OrderBy(v => v.Code))
            .FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new NotFoundOrForbidden("乡镇");

    /// <summary>Villages of the townships this user reads (for pickers and filters).</summary>
    public Task<List<Village>> ReadableVillagesAsync(CancellationToken ct) =>
        current.Scope.Readable(db.Villages.AsNoTracking(), v => v.TownshipCode)
            .Where(v => v.AbolishedOn == null).OrderBy(v => v.Code).ToListAsync(ct);

    public async Task<string> CreateTownshipAsync(TownshipInput input, CancellationToken ct)
    {
        RequireAdmin();
        var county = await db.Counties.OrderBy(c => c.Code).FirstOrDefaultAsync(ct) ?? throw new RuleViolation(null, "尚未建立县级单位");
        var error = AreaCode.CheckTownship(input.Code, county.Code);
        if (error is not null) throw new RuleViolation(nameof(input.Code), error);
        if (await db.Townships.AnyAsync(t => t.Code == input.Code, ct))
            throw new RuleViolation(nameof(input.Code), $"乡镇代码 {input.Code} 已存在");
        db.Townships.Add(new Township
        {
            Code = input.Code,
            Name = input.Name.Trim(),
            Kind = AreaCode.KindOfTownship(AreaCode.TownshipSegment(input.Code))!.Value,
            CountyCode = county.Code,
        });
        await db.SaveChangesAsync(ct);
        return input.Code;
    }

    public async Task RenameTownshipAsync(string code, string name, CancellationToken ct)
    {
        RequireAdmin();
        var township = await db.Townships.FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new NotFoundOrForbidden("乡镇");
        township.Name = name.Trim();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>撤乡并镇: the township stays with its records, marked abolished from a date, pointing at its successor.</summary>
    public async Task MergeTownshipAsync(string code, TownshipMerge input, CancellationToken ct)
    {
        RequireAdmin();
        var township = await db.Townships.FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new NotFoundOrForbidden("乡镇");
        if (township.AbolishedOn is not null) throw new RuleViolation(null, $"{township.Name}已于 {township.AbolishedOn:yyyy-MM-dd} 撤销");
        if (input.SuccessorCode == code) throw new RuleViolation(nameof(input.SuccessorCode), "不能并入自身");
        var successor = await db.Townships.FirstOrDefaultAsync(t => t.Code == input.SuccessorCode, ct);
        if (successor is null || successor.AbolishedOn is not null)
            throw new RuleViolation(nameof(input.SuccessorCode), "并入的乡镇不存在或已撤销");
        if (await db.Users.AnyAsync(u => u.TownshipCode == code && !u.IsDisabled, ct))
            throw new RuleViolation(null, $"{township.Name}还有在用的统计员账号，请先调整其所属乡镇或停用");
        township.AbolishedOn = input.AbolishedOn;
        township.SuccessorCode = successor.Code;
        await db.SaveChangesAsync(ct);
    }

    public async Task<string> CreateVillageAsync(string townshipCode, VillageInput input, CancellationToken ct)
    {
        RequireAdmin();
        var township = await db.Townships.FirstOrDefaultAsync(t => t.Code == townshipCode, ct)
            ?? throw new NotFoundOrForbidden("乡镇");
        var error = AreaCode.CheckVillage(input.Code, township.Code);
        if (error is not null) throw new RuleViolation(nameof(input.Code), error);
        if (await db.Villages.AnyAsync(v => v.Code == input.Code, ct))
            throw new RuleViolation(nameof(input.Code), $"村（居）代码 {input.Code} 已存在");
        db.Villages.Add(new Village
        {
            Code = input.Code,
            Name = input.Name.Trim(),
            Kind = AreaCode.KindOfVillage(AreaCode.VillageSegment(input.Code))!.Value,
            TownshipCode = township.Code,
        });
        await db.SaveChangesAsync(ct);
        return input.Code;
    }

    public async Task RenameVillageAsync(string code, string name, CancellationToken ct)
    {
        RequireAdmin();
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Code == code, ct) ?? throw new NotFoundOrForbidden("村（居）");
        village.Name = name.Trim();
        await db.SaveChangesAsync(ct);
    }

    private void RequireAdmin()
    {
        if (!current.Scope.Roles.Contains(Roles.Admin)) throw new NotFoundOrForbidden("乡镇");
    }
}
