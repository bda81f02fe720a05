using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Imports;

/// <summary>节育手术 and methods: each row is checked against the woman's history, registered events and the file's earlier
/// rows together, in date order, with the page's <see cref="ContraceptionRules"/> (取环 needs an IUD in place …).</summary>
internal static class ContraceptionImport
{
    private sealed record Parsed(ImportRow Row, Woman Woman, Person Person, ContraceptiveType Type, DateOnly Date, Institution Institution,
        bool Complication, string Note);

    public static async Task ValidateAsync(ImportContext ctx, List<ImportRow> rows, CancellationToken ct)
    {
        var persons = await PersonLookup.LoadAsync(ctx, rows.Select(r => r.Raw("WomanId")), tracked: false, ct);
        var found = rows.Select(r => (r, person: persons.Find(r, "WomanId", r.Text("WomanId", 30), r.Text("Name", Person.NameMaxLength), "妇女"))).ToList();
        var personIds = found.Where(f => f.person is not null).Select(f => f.person!.Id).Distinct().ToList();
        var women = await ctx.Db.Women.AsNoTracking().Where(w => personIds.Contains(w.PersonId)).ToDictionaryAsync(w => w.PersonId, ct);
        var parsed = new List<Parsed>();
        foreach (var (r, person) in found)
        {
            var type = r.Choice<ContraceptiveType>("Type", Methods.Of);
            var date = r.Date("Date");
            var institution = r.Choice<Institution>("Institution", Methods.Of);
            var complication = r.Flag("Complication");
            var note = r.Text("Note", ContraceptiveEvent.NoteMaxLength) ?? "";
            if (person is null) continue;
            if (!women.TryGetValue(person.Id, out var woman))
            {
                r.Error("WomanId", $"{person.Name}还没有育龄妇女档案，请先登记或导入育龄妇女");
                continue;
            }
            if (date is { } d) r.Errors(ctx.Rules.Contraception.Date(person, d, ctx.Today));
            if (r.Failed || type is null || date is null || institution is null) continue;
            parsed.Add(new Parsed(r, woman, person, type.Value, date.Value, institution.Value, complication, note));
        }

        var womanIds = parsed.Select(p => p.Woman.Id).Distinct().ToList();
        var registered = await ctx.Db.ContraceptiveEvents.Where(e => womanIds.Contains(e.WomanId)).ToListAsync(ct);
        var byWoman = registered.ToLookup(e => e.WomanId);
        foreach (var group in parsed.GroupBy(p => p.Woman.Id))
        {
            var history = byWoman[group.Key].Select(e => (e.Type, e.Date)).ToList();
            var seen = new Dictionary<(ContraceptiveType, DateOnly), int>();
            foreach (var p in group.OrderBy(p => p.Date).ThenBy(p => p.Row.Number))
            {
                var r = p.Row;
                if (seen.TryGetValue((p.Type, p.Date), out var dup)) { r.Error("Type", $"与第{dup}行重复"); continue; }
                seen[(p.Type, p.Date)] = r.Number;
                var match = byWoman[group.Key].FirstOrDefault(e => e.Type == p.Type && e.Date == p.Date);
                if (match is not null)
                {
                    match.Institution = p.Institution;
                    match.Complication = p.Complication;
                    match.Note = p.Note;
                    if (!ctx.Changed(match)) { ctx.Batch.UnchangedRows++; continue; }
                    if (ctx.Unlocked(r, "Date", p.Date)) ctx.Batch.UpdatedRows++;
                    continue;
                }
                if (ctx.Rules.Contraception.Sequence(p.Type, p.Date, history.Where(h => h.Date <= p.Date).ToList()) is { } v)
                {
                    r.Error(v);
                    continue;
                }
                if (!ctx.Unlocked(r, "Date", p.Date)) continue;
                history.Add((p.Type, p.Date));
                ctx.Batch.Events.Add(new ContraceptiveEvent
                {
                    Id = await ctx.NewIdAsync(ct),
                    WomanId = p.Woman.Id,
                    TownshipCode = p.Woman.TownshipCode,
                    VillageCode = p.Woman.VillageCode,
                    Type = p.Type,
                    Date = p.Date,
                    Institution = p.Institution,
                    Complication = p.Complication,
                    Note = p.Note,
                });
                ctx.Batch.CreatedRows++;
            }
        }
    }
}
