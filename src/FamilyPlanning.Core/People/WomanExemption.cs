using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.People;

/// <summary>
/// A woman's exemption (不孕/绝经/丧偶/离婚/孕期) from one date until another (open while it lasts): the prevalence
/// denominator of a past period leaves her out only for the dates she was exempt. Kept by <see cref="ExemptionHistory"/>;
/// the woman's record shows the one in force now. Not audited itself: the audited change of the record caused it.
/// </summary>
[NotAudited]
public class WomanExemption
{
    public long Id { get; set; }
    public long WomanId { get; set; }
    public Exemption Reason { get; set; }
    public DateOnly From { get; set; }
    /// <summary>The day it ended (exclusive); null while it lasts.</summary>
    public DateOnly? To { get; set; }
}

/// <summary>Keeps <see cref="WomanExemption"/> rows in the same SaveChanges as a change of a woman's exemption: a change with
/// a date ends the open exemption that day and starts the new one; a change without a date (bulk data, a correction)
/// means the exemption held since the record was made.</summary>
public static class ExemptionHistory
{
    public static async Task KeepAsync(AppDbContext db, bool sync, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<Woman>()
            .Where(e => e.State == EntityState.Added && e.Entity.Exemption is not null
                || e.State == EntityState.Modified && e.Property(w => w.Exemption).IsModified
                   && !Equals(e.Property(w => w.Exemption).OriginalValue, e.Entity.Exemption))
            .Select(e => e.Entity).ToList();
        if (changed.Count == 0) return;
        var ids = changed.Select(w => w.Id).ToList();
        var rows = sync
            ? db.WomanExemptions.Where(x => ids.Contains(x.WomanId)).ToList()
            : await db.WomanExemptions.Where(x => ids.Contains(x.WomanId)).ToListAsync(ct);
        foreach (var w in changed)
        {
            var open = rows.Where(x => x.WomanId == w.Id && x.To is null).MaxBy(x => x.From);
            if (w.ExemptionChangedOn is { } on)
            {
                if (open is not null)
                {
                    if (open.From < on) open.To = on;
                    else db.WomanExemptions.Remove(open);
                }
                if (w.Exemption is { } reason) db.WomanExemptions.Add(new WomanExemption { WomanId = w.Id, Reason = reason, From = on });
            }
            else if (w.Exemption is not { } now) { if (open is not null) db.WomanExemptions.Remove(open); }
            else if (open is not null) open.Reason = now;
            else db.WomanExemptions.Add(new WomanExemption { WomanId = w.Id, Reason = now, From = w.RegisteredOn });
        }
    }

    /// <summary>The same for rows copied in bulk (demo county, imports): an exemption on a record without history holds since
    /// the record was made.</summary>
    public static readonly string BackfillSql = """
        INSERT INTO woman_exemptions (woman_id, reason, "from")
        SELECT w.id, w.exemption, w.registered_on FROM women w
        WHERE w.exemption IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woman_exemptions x WHERE x.woman_id = w.id)
        """;
}
