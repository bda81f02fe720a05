using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Imports;

/// <summary>出生登记: rows of one mother with one birth date are one delivery (twins). A birth already registered (same
/// mother, date and child's name) is updated; a new one makes the child a person of the mother's household. Parity and
/// policy of every birth of each mother are computed again, as when a clerk registers one. Every rule comes from the
/// <see cref="BirthRules"/> the page uses; what is left here is matching rows to registered births and to each other.</summary>
internal static class BirthImport
{
    private sealed record Parsed(ImportRow Row, Woman Mother, Person MotherPerson, string Name, Sex Sex, DateOnly Date, string Place,
        string? Certificate, string? ChildId, Person? Father, string? FatherNumber, string? Permit, DateOnly Reported);

    public static async Task ValidateAsync(ImportContext ctx, List<ImportRow> rows, CancellationToken ct)
    {
        var rules = ctx.Rules.Births;
        var mothers = await PersonLookup.LoadAsync(ctx, rows.Select(r => r.Raw("MotherId")), tracked: false, ct);
        var fatherIds = rows.Select(r => r.Raw("FatherIdNumber")).Where(t => t is not null).Select(t => IdNumber.Normalize(t)).Distinct().ToList();
        var fathers = await ctx.Db.Persons.AsNoTracking().Where(p => fatherIds.Contains(p.IdNumber!) && p.Sex == Sex.Male)
            .ToDictionaryAsync(p => p.IdNumber!, ct);
        var motherPersons = new List<(ImportRow, Person?)>();
        foreach (var r in rows) motherPersons.Add((r, mothers.Find(r, "MotherId", r.Text("MotherId", 30), null, "母亲")));
        var personIds = motherPersons.Where(m => m.Item2 is not null).Select(m => m.Item2!.Id).Distinct().ToList();
        var women = await ctx.Db.Women.AsNoTracking().Where(w => personIds.Contains(w.PersonId)).ToDictionaryAsync(w => w.PersonId, ct);

        var parsed = new List<Parsed>();
        foreach (var (r, mp) in motherPersons)
        {
            var name = r.Text("Name", Person.NameMaxLength);
            var sex = r.Choice<Sex>("Sex", SexNames.Of);
            var date = r.Date("BirthDate");
            var place = r.Text("Place", Birth.PlaceMaxLength) ?? "";
            var certificate = r.Text("CertificateNumber", Birth.CertificateMaxLength);
            var childId = r.Text("IdNumber", 30);
            var fatherText = r.Text("FatherIdNumber", 30);
            var permit = r.Text("PermitNumber", Birth.CertificateMaxLength);
            var reported = r.Date("ReportedOn");
            Person? father = null;
            var (fatherNumber, fatherError) = rules.FatherNumber(fatherText);
            if (fatherError is not null) r.Error(fatherError);
            else if (fatherNumber is not null) fathers.TryGetValue(fatherNumber, out father);
            if (mp is null) continue;
            if (!women.TryGetValue(mp.Id, out var mother))
            {
                r.Error("MotherId", $"{mp.Name}还没有育龄妇女档案，请先登记或导入育龄妇女");
                continue;
            }
            if (date is { } d)
            {
                r.Errors(rules.Delivery(mp, d, reported, ctx.Today));
                ctx.Unlocked(r, "BirthDate", d);
            }
            if (childId is not null && sex is not null && date is not null
                && IdNumber.Check(IdNumber.Normalize(childId), date.Value, sex.Value) is { } idError)
                r.Error("IdNumber", idError);
            if (r.Failed || name is null || sex is null || date is null || reported is null) continue;
            parsed.Add(new Parsed(r, mother, mp, name, sex.Value, date.Value, place, certificate,
                childId is null ? null : IdNumber.Normalize(childId), father, fatherNumber, permit, reported.Value));
        }

        var womanIds = parsed.Select(p => p.Mother.Id).Distinct().ToList();
        var existing = await ctx.Db.Births.Include(b => b.Child).Where(b => womanIds.Contains(b.MotherId)).ToListAsync(ct);
        var existingByMother = existing.ToLookup(b => b.MotherId);
        var certificates = parsed.Where(p => p.Certificate is not null).Select(p => p.Certificate!).ToList();
        var takenCertificates = await ctx.Db.Births.AsNoTracking().Where(b => certificates.Contains(b.CertificateNumber!))
            .ToDictionaryAsync(b => b.CertificateNumber!, b => b.Id, ct);
        var childIds = parsed.Where(p => p.ChildId is not null).Select(p => p.ChildId!).ToList();
        var takenIds = await ctx.Db.Persons.AsNoTracking().Where(p => childIds.Contains(p.IdNumber!))
            .ToDictionaryAsync(p => p.IdNumber!, p => p.Id, ct);
        var certificateRows = new Dictionary<string, int>();
        var idRows = new Dictionary<string, int>();
        var newBirths = new List<Birth>();

        foreach (var delivery in parsed.GroupBy(p => (p.Mother.Id, p.Date)))
        {
            var (motherId, date) = delivery.Key;
            var first = delivery.First();
            var already = existingByMother[motherId].Where(b => b.BirthDate == date).ToList();
            var others = existingByMother[motherId].Select(b => b.BirthDate).Concat(parsed.Where(p => p.Mother.Id == motherId).Select(p => p.Date));
            if (rules.Spacing(first.MotherPerson.Name, date, others) is { } spacing)
            {
                first.Row.Error(spacing);
                continue;
            }
            var permits = delivery.Select(p => p.Permit).Where(p => p is not null).Distinct().ToList();
            if (permits.Count > 1)
            {
                first.Row.Error("PermitNumber", "同一次分娩的各行填写了不同的再生育审批证号");
                continue;
            }
            var names = new Dictionary<string, int>();
            var deliveryId = already.FirstOrDefault()?.DeliveryId ?? Guid.NewGuid();
            var added = 0;
            foreach (var p in delivery)
            {
                var r = p.Row;
                if (names.TryGetValue(p.Name, out var dup)) { r.Error("Name", $"与第{dup}行重复（同一母亲、同一出生日期、同名）"); continue; }
                names[p.Name] = r.Number;
                var match = already.FirstOrDefault(b => b.Child!.Name == p.Name);
                if (p.Certificate is not null)
                {
                    if (certificateRows.TryGetValue(p.Certificate, out var cr)) r.Error("CertificateNumber", $"出生医学证明编号 {p.Certificate} 与第{cr}行重复");
                    else if (takenCertificates.TryGetValue(p.Certificate, out var owner) && owner != match?.Id)
                        r.Error("CertificateNumber", $"出生医学证明编号 {p.Certificate} 已被其他出生登记使用");
                    certificateRows.TryAdd(p.Certificate, r.Number);
                }
                if (p.ChildId is not null)
                {
                    if (idRows.TryGetValue(p.ChildId, out var ir)) r.Error("IdNumber", $"公民身份号码 {p.ChildId} 与第{ir}行重复");
                    else if (takenIds.TryGetValue(p.ChildId, out var owner) && owner != match?.ChildId)
                        r.Error("IdNumber", $"公民身份号码 {p.ChildId} 已被登记");
                    idRows.TryAdd(p.ChildId, r.Number);
                }
                if (r.Failed) continue;
                if (match is not null)
                {
                    if (match.Sex != p.Sex) { r.Error("Sex", $"已登记的{p.Name}性别为{SexNames.Of(match.Sex)}，导入不改变已登记婴儿的性别"); continue; }
                    match.Place = p.Place;
                    match.CertificateNumber = p.Certificate ?? match.CertificateNumber;
                    match.ReportedOn = p.Reported;
                    if (p.Father is not null) (match.FatherId, match.FatherIdNumber) = (p.Father.Id, null);
                    else if (p.FatherNumber is not null) (match.FatherId, match.FatherIdNumber) = (null, p.FatherNumber);
                    if (p.ChildId is not null) match.Child!.IdNumber = p.ChildId;
                    continue;
                }
                var child = new Person
                {
                    Id = await ctx.NewIdAsync(ct),
                    Name = p.Name,
                    Sex = p.Sex,
                    BirthDate = date,
                    IdNumber = p.ChildId,
                    HouseholdId = p.MotherPerson.HouseholdId,
                    VillageCode = p.MotherPerson.VillageCode,
                    TownshipCode = p.MotherPerson.TownshipCode,
                    Relation = BirthRules.ChildRelation(p.MotherPerson.Relation, p.Sex),
                    Residence = BirthRules.ChildResidence(p.MotherPerson.Residence),
                };
                var birth = new Birth
                {
                    Id = await ctx.NewIdAsync(ct),
                    ChildId = child.Id,
                    MotherId = motherId,
                    FatherId = p.Father?.Id,
                    FatherIdNumber = p.Father is null ? p.FatherNumber : null,
                    TownshipCode = child.TownshipCode,
                    VillageCode = child.VillageCode,
                    Sex = p.Sex,
                    BirthDate = date,
                    Place = p.Place,
                    CertificateNumber = p.Certificate,
                    DeliveryId = deliveryId,
                    PermitNumber = p.Permit,
                    ReportedOn = p.Reported,
                };
                ctx.Batch.Persons.Add(child);
                ctx.Batch.Births.Add(birth);
                newBirths.Add(birth);
                added++;
            }
            foreach (var b in already) b.PermitNumber = permits.FirstOrDefault() ?? b.PermitNumber;
            if (rules.DeliverySize(already.Count + added) is { } size) first.Row.Error(size);
        }

        // Parity and policy over every birth of each mother, registered and new; a registered birth in a locked month
        // whose parity or policy would change stops the file, as it would stop the page.
        var newByMother = newBirths.ToLookup(b => b.MotherId);
        foreach (var group in parsed.GroupBy(p => p.Mother.Id))
        {
            var mother = group.First().Mother;
            rules.Renumber(mother, existingByMother[mother.Id].Concat(newByMother[mother.Id]), ctx.PolicyRules);
            foreach (var b in existingByMother[mother.Id].Where(b => ctx.Changed(b)))
            {
                var row = group.FirstOrDefault(p => p.Date == b.BirthDate)?.Row ?? group.First().Row;
                ctx.Unlocked(row, "BirthDate", b.BirthDate);
            }
        }
        foreach (var p in parsed.Where(p => !p.Row.Failed))
        {
            var match = existingByMother[p.Mother.Id].FirstOrDefault(b => b.BirthDate == p.Date && b.Child!.Name == p.Name);
            if (match is null) ctx.Batch.CreatedRows++;
            else if (ctx.Changed(match) || ctx.Changed(match.Child!)) ctx.Batch.UpdatedRows++;
            else ctx.Batch.UnchangedRows++;
        }
    }
}
