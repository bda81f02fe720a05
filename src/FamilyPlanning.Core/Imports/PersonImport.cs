using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Imports;

/// <summary>户籍人口: households and their members, one member per row. Households match on 户编号 within the township,
/// persons on the ID number or, without one, on name and birth date within the household.</summary>
internal static class PersonImport
{
    private sealed record Parsed(ImportRow Row, string? Number, string? Village, string? Address, string? Head, HukouType? Hukou,
        PersonInput Input, string? IdNumber);

    public static async Task ValidateAsync(ImportContext ctx, List<ImportRow> rows, CancellationToken ct)
    {
        var parsed = rows.Select(r =>
        {
            var number = r.Text("Number", Household.NumberMaxLength);
            var village = ctx.Village(r, "VillageCode", r.Text("VillageCode", 40));
            var input = new PersonInput
            {
                Name = r.Text("Name", Person.NameMaxLength) ?? "",
                Sex = r.Choice<Sex>("Sex", SexNames.Of),
                BirthDate = r.Date("BirthDate"),
                IdNumber = r.Text("IdNumber", 30),
                Relation = r.Choice<Relation>("Relation", PersonNames.Of),
                MaritalStatus = r.Choice<MaritalStatus>("MaritalStatus", PersonNames.Of),
                Residence = r.Choice<Residence>("Residence", PersonNames.Of) ?? Residence.Resident,
                MovedInOn = r.Date("MovedInOn"),
                DisabilityGrade = r.Int("DisabilityGrade", 1, 4),
            };
            return new Parsed(r, number, village, r.Text("Address", Household.AddressMaxLength), r.Text("HeadName", Household.HeadNameMaxLength),
                r.Choice<HukouType>("HukouType", PersonNames.Of), input, input.IdNumber is null ? null : IdNumber.Normalize(input.IdNumber));
        }).ToList();

        var numbers = parsed.Where(p => p.Number is not null).Select(p => p.Number!).Distinct().ToList();
        var households = await ctx.Db.Households.Where(h => h.TownshipCode == ctx.TownshipCode && numbers.Contains(h.Number))
            .ToDictionaryAsync(h => h.Number, ct);
        var idNumbers = parsed.Where(p => p.IdNumber is not null).Select(p => p.IdNumber!).Distinct().ToList();
        var byIdNumber = await ctx.Db.Persons.Where(p => idNumbers.Contains(p.IdNumber!)).ToDictionaryAsync(p => p.IdNumber!, ct);
        var householdIds = households.Values.Select(h => h.Id).ToList();
        var byNameAndBirth = (await ctx.Db.Persons.Where(p => householdIds.Contains(p.HouseholdId)).ToListAsync(ct))
            .GroupBy(p => (p.HouseholdId, p.Name, p.BirthDate)).ToDictionary(g => g.Key, g => g.First());

        var fileHouseholds = new Dictionary<string, (Household household, int row, bool isNew)>();
        var seenIds = new Dictionary<string, int>();
        var seenKeys = new Dictionary<(string, string, DateOnly), int>();
        foreach (var p in parsed)
        {
            ct.ThrowIfCancellationRequested();
            var r = p.Row;
            var changed = false;
            Household? household = null;
            if (p.Number is not null && p.Village is not null && p.Head is not null && p.Hukou is not null)
                (household, changed) = await HouseholdOfAsync(ctx, p, households, fileHouseholds, ct);
            if (p.IdNumber is not null && seenIds.TryGetValue(p.IdNumber, out var first))
                r.Error("IdNumber", $"公民身份号码 {p.IdNumber} 与第{first}行重复");
            else if (p.IdNumber is not null) seenIds[p.IdNumber] = r.Number;
            if (p.IdNumber is null && p.Number is not null && p.Input.BirthDate is { } bd && p.Input.Name != "")
            {
                if (seenKeys.TryGetValue((p.Number, p.Input.Name, bd), out var dup))
                    r.Error("Name", $"与第{dup}行重复（同一户、同名、同出生日期）");
                else seenKeys[(p.Number, p.Input.Name, bd)] = r.Number;
            }
            if (r.Failed || household is null) continue;

            var existing = p.IdNumber is not null ? byIdNumber.GetValueOrDefault(p.IdNumber)
                : byNameAndBirth.GetValueOrDefault((household.Id, p.Input.Name, p.Input.BirthDate!.Value));
            if (existing is not null)
            {
                if (!ctx.OwnTownship(r, "IdNumber", existing.TownshipCode, $"公民身份号码 {p.IdNumber} 的人员")) continue;
                if (existing.HouseholdId != household.Id)
                {
                    r.Error("Number", $"{existing.Name}已登记在其他户，导入不改变人员所在户，请在人员页面办理");
                    continue;
                }
                var (oldBirth, oldMovedIn) = (existing.BirthDate, existing.MovedInOn);
                if (!Apply(ctx, r, existing, p.Input)) continue;
                if (existing.BirthDate != oldBirth && !(ctx.Unlocked(r, "BirthDate", oldBirth) & ctx.Unlocked(r, "BirthDate", existing.BirthDate))) continue;
                if (existing.MovedInOn != oldMovedIn && !(ctx.Unlocked(r, "MovedInOn", oldMovedIn) & ctx.Unlocked(r, "MovedInOn", existing.MovedInOn))) continue;
                if (ctx.Changed(existing) || changed) ctx.Batch.UpdatedRows++;
                else ctx.Batch.UnchangedRows++;
                continue;
            }
            var person = new Person
            {
                Name = "",
                HouseholdId = household.Id,
                VillageCode = household.VillageCode,
                TownshipCode = household.TownshipCode,
            };
            if (!Apply(ctx, r, person, p.Input)) continue;
            if (!(ctx.Unlocked(r, "BirthDate", person.BirthDate) & ctx.Unlocked(r, "MovedInOn", person.MovedInOn))) continue;
            person.Id = await ctx.NewIdAsync(ct);
            ctx.Batch.Persons.Add(person);
            ctx.Batch.CreatedRows++;
        }
    }

    /// <summary>The page's person rules; the ID number's county-wide uniqueness was settled by the batch lookup.</summary>
    private static bool Apply(ImportContext ctx, ImportRow r, Person person, PersonInput input)
    {
        try
        {
            ctx.Rules.Persons.ApplyFields(person, input, ctx.Today);
            // A row without a number keeps the one already registered.
            if (input.IdNumber is not null) person.IdNumber = IdNumber.Normalize(input.IdNumber);
            return true;
        }
        catch (RuleViolation v)
        {
            r.Error(v);
            return false;
        }
    }

    private static async Task<(Household?, bool changed)> HouseholdOfAsync(ImportContext ctx, Parsed p,
        Dictionary<string, Household> households, Dictionary<string, (Household household, int row, bool isNew)> inFile,
        CancellationToken ct)
    {
        var r = p.Row;
        var address = p.Address ?? "";
        if (inFile.TryGetValue(p.Number!, out var seen))
        {
            var h = seen.household;
            if (h.VillageCode != p.Village || h.HeadName != p.Head || h.HukouType != p.Hukou || h.Address != address)
            {
                r.Error("Number", $"户编号 {p.Number} 的村（居）、住址、户主姓名或户口性质与第{seen.row}行不一致");
                return (null, false);
            }
            return (h, false);
        }
        if (households.TryGetValue(p.Number!, out var existing))
        {
            if (existing.VillageCode != p.Village)
            {
                r.Error("VillageCode", $"户编号 {p.Number} 已登记在其他村（居），导入不更换户所在村，请在户页面办理");
                return (null, false);
            }
            existing.HeadName = p.Head!;
            existing.HukouType = p.Hukou!.Value;
            existing.Address = address;
            var changed = ctx.Changed(existing);
            inFile[p.Number!] = (existing, r.Number, false);
            return (existing, changed);
        }
        var household = new Household
        {
            Id = await ctx.NewIdAsync(ct),
            Number = p.Number!,
            VillageCode = p.Village!,
            TownshipCode = ctx.TownshipCode,
            Address = address,
            HeadName = p.Head!,
            HukouType = p.Hukou!.Value,
        };
        ctx.Batch.Households.Add(household);
        inFile[p.Number!] = (household, r.Number, true);
        return (household, false);
    }
}
