using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Imports;

public enum LifeEvent { Death = 1, MoveOut = 2, MoveIn = 3 }

/// <summary>
/// 死亡 / 迁出 / 迁入 of registered persons, with the page's rules, each a dated fact of the person's history: one person's rows
/// are applied in date order, so a file may carry several moves out and back of the same person. A fact already in the
/// history (same kind and date) is left as it is, so the same file can be imported twice.
/// </summary>
internal static class LifeEventImport
{
    public static string Of(LifeEvent e) => e switch { LifeEvent.Death => "死亡", LifeEvent.MoveOut => "迁出", _ => "迁入" };

    private static PersonEventKind KindOf(LifeEvent e) => e switch
    {
        LifeEvent.Death => PersonEventKind.Death,
        LifeEvent.MoveOut => PersonEventKind.MoveOut,
        _ => PersonEventKind.MoveIn,
    };

    public static async Task ValidateAsync(ImportContext ctx, List<ImportRow> rows, CancellationToken ct)
    {
        var persons = await PersonLookup.LoadAsync(ctx, rows.Select(r => r.Raw("IdNumber")), tracked: true, ct);
        var parsed = new List<(ImportRow Row, Person Person, LifeEvent Kind, DateOnly Date, string? Place)>();
        foreach (var r in rows)
        {
            var person = persons.Find(r, "IdNumber", r.Text("IdNumber", 30), r.Text("Name", Person.NameMaxLength), "");
            var kind = r.Choice<LifeEvent>("Event", Of);
            var date = r.Date("Date");
            var place = r.Text("Place", 100);
            if (person is null || kind is null || date is null || r.Failed) continue;
            parsed.Add((r, person, kind.Value, date.Value, place));
        }
        var ids = parsed.Select(p => p.Person.Id).Distinct().ToList();
        var recorded = (await ctx.Db.PersonEvents.AsNoTracking().Where(e => ids.Contains(e.PersonId))
                .Select(e => new { e.PersonId, e.Kind, e.Date }).ToListAsync(ct))
            .Select(e => (e.PersonId, e.Kind, e.Date)).ToHashSet();

        foreach (var (r, person, kind, date, place) in parsed.OrderBy(p => p.Person.Id).ThenBy(p => p.Date).ThenBy(p => KindOf(p.Kind)))
        {
            if (!recorded.Add((person.Id, KindOf(kind), date))) { ctx.Batch.UnchangedRows++; continue; }
            if (!ctx.Unlocked(r, "Date", date)) continue;
            var input = new LifeEventInput { Date = date, Place = place };
            try
            {
                switch (kind)
                {
                    case LifeEvent.Death: ctx.Rules.Persons.ApplyDeath(person, input, ctx.Today); break;
                    case LifeEvent.MoveOut: ctx.Rules.Persons.ApplyMoveOut(person, input, ctx.Today); break;
                    default: ctx.Rules.Persons.ApplyMoveIn(person, input, ctx.Today); break;
                }
                ctx.Db.PersonFacts.Add(PersonHistory.New(person, KindOf(kind), date, place: Rules.Optional(place)));
                ctx.Batch.UpdatedRows++;
            }
            catch (RuleViolation v)
            {
                r.Error(v);
            }
        }
    }
}
