using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FamilyPlanning.Core.Monthly;

/// <summary>
/// The month lock, below every route (pages, API, imports): a save that creates, changes or deletes a birth, a
/// contraceptive event, or a person's birth, death or migration dated in a month whose report is submitted or approved is
/// refused with a Chinese message, and nothing of that save is written.
/// </summary>
public sealed class MonthLockInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await CheckAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) CheckAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private static async Task CheckAsync(DbContext db, CancellationToken ct)
    {
        var touched = new HashSet<(string township, DateOnly month)>();
        foreach (var e in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (e.Entity)
            {
                case Birth b:
                    Add(touched, e, b.TownshipCode, nameof(Birth.BirthDate), always: true);
                    break;
                case ContraceptiveEvent c:
                    Add(touched, e, c.TownshipCode, nameof(ContraceptiveEvent.Date), always: true);
                    break;
                case Person p:
                    foreach (var date in new[] { nameof(Person.BirthDate), nameof(Person.DiedOn), nameof(Person.MovedOutOn), nameof(Person.MovedInOn) })
                        Add(touched, e, p.TownshipCode, date, always: false);
                    break;
                case PersonEvent f when f.Kind != PersonEventKind.Registered:
                    // A dated fact (a marriage, a transfer …) added, moved or removed; a refolded span alone is not a change.
                    Add(touched, e, f.TownshipCode, nameof(PersonEvent.Date), always: false);
                    break;
            }
        }
        if (touched.Count == 0) return;
        var townships = touched.Select(t => t.township).Distinct().ToList();
        var months = touched.Select(t => t.month).Distinct().ToList();
        var locked = await db.Set<MonthlyReport>().AsNoTracking()
            .Where(r => townships.Contains(r.TownshipCode) && months.Contains(r.Month)
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved))
            .Select(r => new { r.TownshipCode, r.Month, r.Status }).ToListAsync(ct);
        var hit = locked.FirstOrDefault(l => touched.Contains((l.TownshipCode, l.Month)));
        if (hit is not null)
            throw new RuleViolation(null,
                $"{hit.Month:yyyy年M月}的月报{ReportNames.Of(hit.Status)}，该月的记录不能新增、修改或删除。如需更正，请联系县级工作人员退回或重新打开该月。");
    }

    /// <summary>The month of a dated property, before and after the change; for persons only when that date is what changed.</summary>
    private static void Add(HashSet<(string, DateOnly)> touched, EntityEntry e, string township, string property, bool always)
    {
        var p = e.Property(property);
        if (!always && e.State == EntityState.Modified && !p.IsModified) return;
        foreach (var value in new[] { e.State == EntityState.Added ? null : p.OriginalValue, e.State == EntityState.Deleted ? null : p.CurrentValue })
            if (value is DateOnly d) touched.Add((township, new DateOnly(d.Year, d.Month, 1)));
    }
}
