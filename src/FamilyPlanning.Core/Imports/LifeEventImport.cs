using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Imports;

public enum LifeEvent { Death = 1, MoveOut = 2, MoveIn = 3 }

/// <summary>死亡 / 迁出 / 迁入 of registered persons, with the page's rules; an event already recorded with the same date is
/// left as it is, so the same file can be imported twice.</summary>
internal static class LifeEventImport
{
    public static string Of(LifeEvent e) => e switch { LifeEvent.Death => "死亡", LifeEvent.MoveOut => "迁出", _ => "迁入" };

    public static async Task ValidateAsync(ImportContext ctx, List<ImportRow> rows, CancellationToken ct)
    {
        var persons = await PersonLookup.LoadAsync(ctx, rows.Select(r => r.Raw("IdNumber")), tracked: true, ct);
        foreach (var r in rows)
        {
            var person = persons.Find(r, "IdNumber", r.Text("IdNumber", 30), r.Text("Name", Person.NameMaxLength), "");
            var kind = r.Choice<LifeEvent>("Event", Of);
            var date = r.Date("Date");
            var place = r.Text("Place", 100);
            if (person is null || kind is null || date is null || r.Failed) continue;
            var already = kind switch
            {
                LifeEvent.Death => person.DiedOn == date,
                LifeEvent.MoveOut => person.MovedOutOn == date,
                _ => person.MovedInOn == date && person.MovedOutOn is null,
            };
            if (already) { ctx.Batch.UnchangedRows++; continue; }
            if (!ctx.Unlocked(r, "Date", date)) continue;
            var input = new LifeEventInput { Date = date, Place = place };
            try
            {
                switch (kind)
                {
                    case LifeEvent.Death: PersonService.ApplyDeath(person, input, ctx.Today); break;
                    case LifeEvent.MoveOut: PersonService.ApplyMoveOut(person, input, ctx.Today); break;
                    default: PersonService.ApplyMoveIn(person, input, ctx.Today); break;
                }
                ctx.Batch.UpdatedRows++;
            }
            catch (RuleViolation v)
            {
                r.Error(v);
            }
        }
    }
}
