using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Imports;

/// <summary>育龄妇女: a record for a registered female person of the township, matched on her ID number.</summary>
internal static class WomanImport
{
    public static async Task ValidateAsync(ImportContext ctx, List<ImportRow> rows, CancellationToken ct)
    {
        var persons = await PersonLookup.LoadAsync(ctx, rows.Select(r => r.Raw("IdNumber")), tracked: false, ct);
        var found = new List<(ImportRow row, Person person, WomanInput input)>();
        var seen = new Dictionary<long, int>();
        foreach (var r in rows)
        {
            var person = persons.Find(r, "IdNumber", r.Text("IdNumber", 30), r.Text("Name", Person.NameMaxLength), "妇女");
            var input = new WomanInput
            {
                MarriedOn = r.Date("MarriedOn"),
                BoysBefore = r.Int("BoysBefore", 0, 15) ?? 0,
                GirlsBefore = r.Int("GirlsBefore", 0, 15) ?? 0,
                Exemption = r.Choice<Exemption>("Exemption", PersonNames.Of),
                BirthServiceCertificate = r.Text("BirthServiceCertificate", Woman.CertificateMaxLength),
                OneChildCertificate = r.Text("OneChildCertificate", Woman.CertificateMaxLength),
                OneChildCertificateOn = r.Date("OneChildCertificateOn"),
                RegisteredOn = r.Date("RegisteredOn"),
            };
            if (person is null) continue;
            if (seen.TryGetValue(person.Id, out var first)) r.Error("IdNumber", $"与第{first}行是同一人");
            else seen[person.Id] = r.Number;
            found.Add((r, person, input));
        }
        var ids = found.Select(f => f.person.Id).ToList();
        var women = await ctx.Db.Women.Where(w => ids.Contains(w.PersonId)).ToDictionaryAsync(w => w.PersonId, ct);
        foreach (var (r, person, input) in found)
        {
            if (r.Failed) continue;
            try
            {
                if (women.TryGetValue(person.Id, out var woman))
                {
                    ctx.Rules.Women.Apply(woman, person, input, ctx.Today);
                    if (ctx.Changed(woman)) ctx.Batch.UpdatedRows++;
                    else ctx.Batch.UnchangedRows++;
                    continue;
                }
                ctx.Rules.Women.CheckNew(person, input.RegisteredOn);
                woman = new Woman { PersonId = person.Id, TownshipCode = person.TownshipCode, VillageCode = person.VillageCode };
                ctx.Rules.Women.Apply(woman, person, input, ctx.Today);
                woman.Id = await ctx.NewIdAsync(ct);
                ctx.Batch.Women.Add(woman);
                ctx.Batch.CreatedRows++;
            }
            catch (RuleViolation v)
            {
                r.Error(v);
            }
        }
    }
}
