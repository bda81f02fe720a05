using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Subsidies;

public sealed record ReviewRow(long BeneficiaryId, string Name, string VillageName, Programme Programme, DateOnly? ApprovedOn,
    List<string> Changes, List<string> Reasons, AnnualReview? Decision);

public sealed record ReviewCounts(int New, int Continuing, int Exited, int Pending);

public sealed record ReviewDecision
{
    public bool Continues { get; init; }
    public ExitReason? ExitReason { get; init; }
    public string? Note { get; init; }
}

/// <summary>年审: each year every beneficiary of a township is confirmed (继续享受) or exits with a reason, in view of what
/// changed in the registers since the last review (or approval): death, move-out, new births, age.</summary>
public sealed class AnnualReviewService(AppDbContext db, ICurrentUser current, TimeProvider clock, SubsidyService subsidies,
    FamilyFactsQuery facts, SubsidyRules rules)
{
    public async Task<List<ReviewRow>> ListAsync(string townshipCode, int year, CancellationToken ct)
    {
        Indicators.Period.CheckYear(year);
        if (!current.Scope.CanRead(townshipCode)) throw new NotFoundOrForbidden("乡镇");
        var yearStart = new DateOnly(year, 1, 1);
        var list = await db.Beneficiaries.AsNoTracking().Include(b => b.Person).ThenInclude(p => p!.Household).ThenInclude(h => h!.Village)
            .Where(b => b.TownshipCode == townshipCode && b.ApprovedOn < yearStart
                && (b.Status == BeneficiaryStatus.Approved || (b.Status == BeneficiaryStatus.Exited && b.ExitedOn >= yearStart)))
            .OrderBy(b => b.VillageCode).ThenBy(b => b.Id).ToListAsync(ct);
        var ids = list.Select(b => b.Id).ToList();
        var decisions = await db.AnnualReviews.AsNoTracking().Where(r => ids.Contains(r.BeneficiaryId) && r.Year == year)
            .ToDictionaryAsync(r => r.BeneficiaryId, ct);
        var lastReview = await db.AnnualReviews.AsNoTracking().Where(r => ids.Contains(r.BeneficiaryId) && r.Year < year)
            .GroupBy(r => r.BeneficiaryId).Select(g => new { g.Key, On = g.Max(r => r.ReviewedOn) }).ToDictionaryAsync(x => x.Key, x => x.On, ct);
        // Everything the rows need in a fixed number of queries, whatever the township's size.
        var families = await facts.ForManyAsync(list.Select(b => b.PersonId).Distinct().ToList(), ct);
        var childIds = list.Where(b => b.ChildId is not null).Select(b => b.ChildId!.Value).Distinct().ToList();
        var children = await db.Persons.AsNoTracking().Where(p => childIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var maxChildAge = await subsidies.MaxChildAgeAsync(ct);
        var today = ChinaTime.Today(clock);
        return list.Select(b =>
        {
            var family = families[b.PersonId];
            var since = lastReview.TryGetValue(b.Id, out var last) ? last : b.ApprovedOn!.Value;
            return new ReviewRow(b.Id, b.Person!.Name, b.Person.Household!.Village!.Name, b.Programme, b.ApprovedOn,
                Changes(b, family, b.ChildId is { } c ? children.GetValueOrDefault(c) : null, since, today),
                b.Status == BeneficiaryStatus.Approved ? rules.ReasonsNotEligible(b, FamilyFactsQuery.Declared(family, b.DeclaredBoys, b.DeclaredGirls), today, maxChildAge) : [],
                decisions.GetValueOrDefault(b.Id));
        }).ToList();
    }

    public async Task<ReviewCounts> CountsAsync(string townshipCode, int year, CancellationToken ct)
    {
        Indicators.Period.CheckYear(year);
        if (!current.Scope.CanRead(townshipCode)) throw new NotFoundOrForbidden("乡镇");
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var q = db.Beneficiaries.Where(b => b.TownshipCode == townshipCode);
        var isNew = await q.CountAsync(b => b.ApprovedOn >= from && b.ApprovedOn <= to, ct);
        var continuing = await db.AnnualReviews.CountAsync(r => r.TownshipCode == townshipCode && r.Year == year && r.Continues, ct);
        var exited = await q.CountAsync(b => b.ExitedOn >= from && b.ExitedOn <= to, ct);
        var pending = await q.CountAsync(b => b.ApprovedOn < from
            && (b.Status == BeneficiaryStatus.Approved || (b.Status == BeneficiaryStatus.Exited && b.ExitedOn >= from))
            && !db.AnnualReviews.Any(r => r.BeneficiaryId == b.Id && r.Year == year), ct);
        return new ReviewCounts(isNew, continuing, exited, pending);
    }

    /// <summary>Records the year's decision; an exit also ends the beneficiary (payments stop from the next month).</summary>
    public async Task DecideAsync(long beneficiaryId, int year, ReviewDecision input, CancellationToken ct)
    {
        var b = await current.Scope.Readable(db.Beneficiaries, x => x.TownshipCode).FirstOrDefaultAsync(x => x.Id == beneficiaryId, ct)
            ?? throw new NotFoundOrForbidden("扶助对象");
        if (!current.Scope.CanWrite(b.TownshipCode)) throw new NotFoundOrForbidden("扶助对象");
        if (b.Status != BeneficiaryStatus.Approved) throw new RuleViolation(null, "只有享受中的对象参加年审");
        var today = ChinaTime.Today(clock);
        if (year > today.Year) throw new RuleViolation(null, $"{year}年的年审尚未开始");
        if (await db.AnnualReviews.AnyAsync(r => r.BeneficiaryId == beneficiaryId && r.Year == year, ct))
            throw new RuleViolation(null, $"该对象{year}年已年审");
        if (!input.Continues && input.ExitReason is null) throw new RuleViolation(nameof(input.ExitReason), "退出须选择原因");
        db.AnnualReviews.Add(new AnnualReview
        {
            BeneficiaryId = b.Id,
            TownshipCode = b.TownshipCode,
            Year = year,
            Continues = input.Continues,
            ExitReason = input.Continues ? null : input.ExitReason,
            Note = input.Note?.Trim() ?? "",
            ReviewedOn = today,
            ReviewedBy = current.Scope.UserName,
        });
        if (!input.Continues) subsidies.Exit(b, new ExitInput { Reason = input.ExitReason, Date = today, Note = "年审退出" + (input.Note is { Length: > 0 } n ? "：" + n : "") });
        await db.SaveOrExplainAsync(ct);
    }

    private static List<string> Changes(Beneficiary b, FamilyFactsQuery.Family family, Person? child, DateOnly since, DateOnly today)
    {
        var changes = new List<string>();
        var p = b.Person!;
        if (p.DiedOn >= since) changes.Add($"本人 {p.DiedOn:yyyy-MM-dd} 死亡");
        if (p.MovedOutOn >= since) changes.Add($"本人 {p.MovedOutOn:yyyy-MM-dd} 迁出");
        changes.AddRange(family.BirthDates.Where(d => d >= since).Select(d => $"{d:yyyy-MM-dd} 家庭新生育"));
        if (child is not null)
        {
            if (child.DiedOn >= since) changes.Add($"子女 {child.DiedOn:yyyy-MM-dd} 死亡");
            if (b.Programme == Programme.OneChildReward && child.BirthDate.AddYears(18) <= today)
                changes.Add($"独生子女已于 {child.BirthDate.AddYears(18):yyyy-MM-dd} 满18周岁");
        }
        changes.Add($"现年{p.AgeOn(today)}岁");
        return changes;
    }
}
