using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Indicators;

public sealed record TargetRow(string TownshipCode, string TownshipName, Target? Target);

/// <summary>Annual targets per township (目标责任书): read by everyone who reads the township, set by county staff.</summary>
public sealed class TargetService(AppDbContext db, ICurrentUser current)
{
    public async Task<List<TargetRow>> ForYearAsync(int year, CancellationToken ct)
    {
        var townships = await current.Scope.Readable(db.Townships.AsNoTracking(), t => t.Code)
            .Where(t => t.AbolishedOn == null || t.AbolishedOn.Value.Year >= year).OrderBy(t => t.Code).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Year == year).ToDictionaryAsync(t => t.TownshipCode, ct);
        return townships.Select(t => new TargetRow(t.Code, t.Name, targets.GetValueOrDefault(t.Code))).ToList();
    }

    /// <summary>Saves every township's targets for the year in one transaction; a row left blank keeps no target.</summary>
    public async Task SaveAsync(int year, IReadOnlyList<Target> rows, CancellationToken ct)
    {
        if (!current.Scope.Roles.Contains(Roles.CountyStaff)) throw new RuleViolation(null, "目标只能由县级工作人员设定");
        var known = await db.Townships.Select(t => t.Code).ToListAsync(ct);
        var existing = await db.Targets.Where(t => t.Year == year).ToDictionaryAsync(t => t.TownshipCode, ct);
        foreach (var r in rows)
        {
            if (!known.Contains(r.TownshipCode)) throw new RuleViolation(null, $"乡镇 {r.TownshipCode} 不存在");
            if (r.BirthTarget < 0 || r.SterilisationTask < 0 || r.IudTask < 0 || r.AbortionTask < 0 || r.InducedLabourTask < 0)
                throw new RuleViolation(null, "指标和任务数不能为负数");
            if (r.PlannedBirthRateTarget is < 0 or > 100) throw new RuleViolation(null, "计划生育率目标应在 0–100 之间");
            if (r.SexRatioCeiling is < 90 or > 150) throw new RuleViolation(null, "性别比上限应在 90–150 之间");
            var target = existing.GetValueOrDefault(r.TownshipCode);
            if (target is null)
            {
                target = new Target { TownshipCode = r.TownshipCode, Year = year };
                db.Targets.Add(target);
            }
            target.BirthTarget = r.BirthTarget;
            target.PlannedBirthRateTarget = r.PlannedBirthRateTarget;
            target.SexRatioCeiling = r.SexRatioCeiling;
            target.SterilisationTask = r.SterilisationTask;
            target.IudTask = r.IudTask;
            target.AbortionTask = r.AbortionTask;
            target.InducedLabourTask = r.InducedLabourTask;
        }
        await db.SaveOrExplainAsync(ct);
    }
}
