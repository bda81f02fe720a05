using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Imports;

/// <summary>Finds the registered person a row names by ID number (one query for the whole file), checks that the row's
/// name matches and that the person belongs to the clerk's township.</summary>
internal sealed class PersonLookup(ImportContext ctx, Dictionary<string, Person> byIdNumber)
{
    public static async Task<PersonLookup> LoadAsync(ImportContext ctx, IEnumerable<string?> idNumbers, bool tracked, CancellationToken ct)
    {
        var ids = idNumbers.Where(i => i is not null).Select(i => IdNumber.Normalize(i)).Distinct().ToList();
        var q = ctx.Db.Persons.Where(p => ids.Contains(p.IdNumber!));
        if (!tracked) q = q.AsNoTracking();
        return new PersonLookup(ctx, await q.ToDictionaryAsync(p => p.IdNumber!, ct));
    }

    public Person? Find(ImportRow r, string property, string? idNumber, string? name, string what)
    {
        if (idNumber is null) return null;
        var number = IdNumber.Normalize(idNumber);
        if (IdNumber.FormatError(number) is { } error)
        {
            r.Error(property, what + error);
            return null;
        }
        if (!byIdNumber.TryGetValue(number, out var person))
        {
            r.Error(property, $"未找到公民身份号码为 {number} 的登记人员（{what}须先在户籍人口中登记）");
            return null;
        }
        if (!ctx.OwnTownship(r, property, person.TownshipCode, $"公民身份号码 {number} 的人员")) return null;
        if (name is not null && name != person.Name)
        {
            r.Error("Name", $"姓名“{name}”与公民身份号码 {number} 登记的姓名“{person.Name}”不一致");
            return null;
        }
        return person;
    }
}
