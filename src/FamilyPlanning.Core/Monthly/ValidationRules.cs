using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Monthly;

public enum Severity { Error = 1, Warning = 2 }

/// <summary>A finding of the month's checks: errors block submission; a warning needs the clerk's comment.</summary>
public sealed record Finding(string Key, Severity Severity, string Message, string Link);

/// <summary>docs/domain.md §7 run again over one township-month when it is submitted: the records dated in the month (births,
/// deaths, births of persons, contraceptive events) and the month's totals.</summary>
public sealed class ValidationRules(AppDbContext db, ContraceptionRules contraception)
{
    public async Task<List<Finding>> RunAsync(string township, DateOnly month, IndicatorCounts totals, CancellationToken ct)
    {
        var end = month.AddMonths(1).AddDays(-1);
        var findings = new List<Finding>();

        var births = await db.Births.AsNoTracking().Where(b => b.TownshipCode == township
                && (b.BirthDate >= month && b.BirthDate <= end || b.BirthDate < month && b.ReportedOn >= month && b.ReportedOn <= end))
            .Select(b => new
            {
                b.Id,
                b.BirthDate,
                b.ReportedOn,
                Child = b.Child!.Name,
                ChildId = b.Child.IdNumber,
                b.Sex,
                Mother = b.Mother!.Person!.Name,
                MotherBirth = b.Mother.Person.BirthDate
            })
            .ToListAsync(ct);
        foreach (var b in births)
        {
            var link = $"/Births/Details/{b.Id}";
            if (b.BirthDate < month)
            {
                findings.Add(new($"late-{b.Id}", Severity.Warning, $"补报：{b.Child}（{b.BirthDate:yyyy-MM-dd}出生）在本月报告", link));
                continue;
            }
            if (b.ReportedOn < b.BirthDate) findings.Add(new($"reported-{b.Id}", Severity.Error, $"{b.Child}的报告日期早于出生日期", link));
            if (b.ChildId is not null && IdNumber.Check(b.ChildId, b.BirthDate, b.Sex) is { } idError)
                findings.Add(new($"child-id-{b.Id}", Severity.Error, $"{b.Child}：{idError}", link));
            var age = AgeOn(b.MotherBirth, b.BirthDate);
            if (age is < 15 or >= 50)
                findings.Add(new($"mother-age-{b.Id}", Severity.Warning, $"{b.Child}的母亲{b.Mother}生育时{age}岁，不在15–49岁之间", link));
        }

        var deaths = await db.Persons.AsNoTracking().Where(p => p.TownshipCode == township && p.DiedOn >= month && p.DiedOn <= end)
            .Select(p => new { p.Id, p.Name, p.BirthDate, p.DiedOn }).ToListAsync(ct);
        foreach (var d in deaths.Where(d => d.DiedOn < d.BirthDate))
            findings.Add(new($"death-{d.Id}", Severity.Error, $"{d.Name}的死亡日期早于出生日期", $"/Persons/Details/{d.Id}"));

        var events = await db.ContraceptiveEvents.AsNoTracking()
            .Where(e => e.TownshipCode == township && db.ContraceptiveEvents.Any(x => x.WomanId == e.WomanId && x.Date >= month && x.Date <= end))
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.WomanId, e.Type, e.Date, Name = e.Woman!.Person!.Name }).ToListAsync(ct);
        foreach (var woman in events.GroupBy(e => e.WomanId))
        {
            var history = new List<(ContraceptiveType, DateOnly)>();
            foreach (var e in woman)
            {
                if (e.Date >= month && e.Date <= end)
                {
                    if (contraception.Sequence(e.Type, e.Date, history) is { } v)
                        findings.Add(new($"event-{e.Id}", Severity.Error, $"{e.Name} {e.Date:yyyy-MM-dd} {Methods.Of(e.Type)}：{v.Message}",
                            $"/Women/Details/{e.WomanId}"));
                }
                history.Add((e.Type, e.Date));
            }
        }

        // Married women of childbearing age at the month's end with no 育龄妇女 record: the prevalence figures miss them.
        foreach (var (id, name) in await UnregisteredWomen.ListAsync(db, township, end, ct))
            findings.Add(new($"unregistered-{id}", Severity.Warning, $"{name}：已婚育龄妇女未建档（请登记为育龄妇女）", $"/Persons/Details/{id}"));

        // Month totals (docs/domain.md §7).
        var totalsLink = $"/Births?from={month:yyyy-MM-dd}&to={end:yyyy-MM-dd}";
        if (totals.Boys + totals.Girls != totals.Births)
            findings.Add(new("totals-sex", Severity.Error, $"男婴{totals.Boys}+女婴{totals.Girls}不等于出生数{totals.Births}", totalsLink));
        if (totals.ByParity.Sum() != totals.Births)
            findings.Add(new("totals-parity", Severity.Error, $"一孩、二孩、多孩之和{totals.ByParity.Sum()}不等于出生数{totals.Births}", totalsLink));
        for (var i = 0; i < 3; i++)
            if (totals.CompliantByParity[i] > totals.ByParity[i])
                findings.Add(new($"totals-compliant-{i}", Severity.Error, "计划内出生数大于该孩次出生数", totalsLink));
        return findings;
    }

    private static int AgeOn(DateOnly birth, DateOnly on) => on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
}
