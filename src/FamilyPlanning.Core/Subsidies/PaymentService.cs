using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace FamilyPlanning.Core.Subsidies;

public sealed record RunRow(long Id, string TownshipCode, string TownshipName, DateOnly FromMonth, DateOnly ToMonth, int Lines,
    decimal Total, DateOnly? PaidOn);

public sealed record ProgrammeTotal(string TownshipName, Programme Programme, int Beneficiaries, decimal Amount);

/// <summary>Payment runs (county staff): one list per township for a year or half-year, from the rate in force and the
/// eligibility of every month; exported to XLSX for the paying agency and then marked paid.</summary>
public sealed class PaymentService(AppDbContext db, ICurrentUser current, TimeProvider clock)
{
    /// <summary>Makes one run per township for the months from..to (first days of months), in one transaction.</summary>
    public async Task<int> CreateRunsAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        RequireCounty();
        Indicators.Period.CheckYear(fromMonth.Year);
        Indicators.Period.CheckYear(toMonth.Year);
        fromMonth = new DateOnly(fromMonth.Year, fromMonth.Month, 1);
        toMonth = new DateOnly(toMonth.Year, toMonth.Month, 1);
        if (toMonth < fromMonth) throw new RuleViolation(null, "结束月份不能早于开始月份");
        var today = ChinaTime.Today(clock);
        if (fromMonth > today) throw new RuleViolation(null, "不能为尚未开始的期间发放");
        var county = await db.Counties.OrderBy(c => c.Code).Select(c => c.Code).FirstAsync(ct);
        var rates = await db.SubsidyRates.AsNoTracking().ToListAsync(ct);
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.Code).Select(t => t.Code).ToListAsync(ct);
        var overlapping = await db.PaymentRuns.Where(r => r.FromMonth <= toMonth && r.ToMonth >= fromMonth).Select(r => r.TownshipCode).Distinct().ToListAsync(ct);
        if (overlapping.Count > 0)
            throw new RuleViolation(null, $"该期间已有发放批次（{overlapping.Count}个乡镇），请先删除未发放的批次");
        var candidates = await db.Beneficiaries.AsNoTracking()
            .Where(b => b.FirstMonth <= toMonth && (b.Status == BeneficiaryStatus.Approved || (b.Status == BeneficiaryStatus.Exited && b.ExitedOn > fromMonth)))
            .Select(b => new { B = b, b.Person!.BirthDate, b.Person.DiedOn, b.Person.MovedOutOn, ChildBirth = (DateOnly?)b.Child!.BirthDate, ChildDied = b.Child.DiedOn })
            .ToListAsync(ct);
        var runs = 0;
        foreach (var township in townships)
        {
            var run = new PaymentRun
            {
                TownshipCode = township,
                FromMonth = fromMonth,
                ToMonth = toMonth,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = current.Scope.UserName,
            };
            foreach (var c in candidates.Where(c => c.B.TownshipCode == township))
            {
                var amount = PaymentCalculator.For(new PaymentFacts(c.B, c.BirthDate, c.DiedOn, c.MovedOutOn, c.ChildBirth, c.ChildDied),
                    rates, county, fromMonth, toMonth);
                if (amount.Months == 0) continue;
                run.Lines.Add(new PaymentLine
                {
                    BeneficiaryId = c.B.Id,
                    Programme = c.B.Programme,
                    Months = amount.Months,
                    Amount = amount.Amount,
                    Detail = amount.Detail,
                    PaidMonths = amount.PaidMonths,
                    MonthAmounts = amount.MonthAmounts,
                });
            }
            if (run.Lines.Count == 0) continue;
            db.PaymentRuns.Add(run);
            runs++;
        }
        await db.SaveOrExplainAsync(ct);
        return runs;
    }

    public Task<List<RunRow>> RunsAsync(CancellationToken ct) =>
        (from r in current.Scope.Readable(db.PaymentRuns.AsNoTracking(), r => r.TownshipCode)
         join t in db.Townships on r.TownshipCode equals t.Code
         orderby r.FromMonth descending, r.TownshipCode
         select new RunRow(r.Id, r.TownshipCode, t.Name, r.FromMonth, r.ToMonth, r.Lines.Count, r.Lines.Sum(l => l.Amount), r.PaidOn))
        .ToListAsync(ct);

    /// <summary>Totals by township and programme for the runs of a period.</summary>
    public async Task<List<ProgrammeTotal>> TotalsAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var runs = current.Scope.Readable(db.PaymentRuns.AsNoTracking(), r => r.TownshipCode)
            .Where(r => r.FromMonth == fromMonth && r.ToMonth == toMonth);
        var rows = await (from l in db.PaymentLines
                          join r in runs on l.RunId equals r.Id
                          join t in db.Townships on r.TownshipCode equals t.Code
                          group l by new { t.Code, t.Name, l.Programme } into g
                          select new { g.Key.Code, g.Key.Name, g.Key.Programme, Count = g.Count(), Amount = g.Sum(l => l.Amount) })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Code).ThenBy(r => r.Programme)
            .Select(r => new ProgrammeTotal(r.Name, r.Programme, r.Count, r.Amount)).ToList();
    }

    public async Task MarkPaidAsync(long runId, DateOnly paidOn, CancellationToken ct)
    {
        RequireCounty();
        var run = await db.PaymentRuns.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundOrForbidden("发放批次");
        if (run.PaidOn is not null) throw new RuleViolation(null, $"该批次已于 {run.PaidOn:yyyy-MM-dd} 发放");
        Rules.NotInFuture(paidOn, ChinaTime.Today(clock), "PaidOn", "发放日期");
        run.PaidOn = paidOn;
        await db.SaveOrExplainAsync(ct);
    }

    public async Task DeleteAsync(long runId, CancellationToken ct)
    {
        RequireCounty();
        var run = await db.PaymentRuns.Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundOrForbidden("发放批次");
        if (run.PaidOn is not null) throw new RuleViolation(null, "已发放的批次不能删除");
        db.PaymentRuns.Remove(run);
        await db.SaveOrExplainAsync(ct);
    }

    /// <summary>The payment list as XLSX. County staff hand it to the paying agency, which needs full ID numbers; a clerk's
    /// copy shows them masked. Text that a spreadsheet would run as a formula is neutralised.</summary>
    public async Task<(string fileName, byte[] content)> ExportAsync(long runId, CancellationToken ct)
    {
        var run = await current.Scope.Readable(db.PaymentRuns.AsNoTracking(), r => r.TownshipCode).FirstOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new NotFoundOrForbidden("发放批次");
        var township = await db.Townships.Where(t => t.Code == run.TownshipCode).Select(t => t.Name).FirstAsync(ct);
        var full = current.Scope.Roles.Contains(Roles.CountyStaff);
        var lines = await db.PaymentLines.AsNoTracking().Where(l => l.RunId == runId)
            .OrderBy(l => l.Beneficiary!.VillageCode).ThenBy(l => l.Programme).ThenBy(l => l.Id)
            .Select(l => new { l.Beneficiary!.Person!.Name, l.Beneficiary.Person.IdNumber, Village = l.Beneficiary.Person.Household!.Village!.Name, l.Programme, l.Beneficiary.Category, l.Months, l.Amount, l.Detail })
            .ToListAsync(ct);
        var rows = lines.Select((l, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["村（居）"] = Cell.Safe(l.Village),
            ["姓名"] = Cell.Safe(l.Name),
            ["公民身份号码"] = full ? l.IdNumber ?? "" : IdNumber.Mask(l.IdNumber),
            ["项目"] = SubsidyNames.Of(l.Programme),
            ["类别"] = SubsidyNames.Of(l.Category),
            ["月数"] = l.Months,
            ["金额（元）"] = l.Amount,
            ["计算明细"] = l.Detail,
        }).ToList();
        rows.Add(new Dictionary<string, object?>
        {
            ["序号"] = null,
            ["村（居）"] = "合计",
            ["姓名"] = $"{lines.Count}人",
            ["公民身份号码"] = "",
            ["项目"] = "",
            ["类别"] = "",
            ["月数"] = lines.Sum(l => l.Months),
            ["金额（元）"] = lines.Sum(l => l.Amount),
            ["计算明细"] = "",
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "发放名单", cancellationToken: ct);
        return ($"{township}_{run.FromMonth:yyyyMM}-{run.ToMonth:yyyyMM}_扶助金发放名单.xlsx", stream.ToArray());
    }

    private void RequireCounty()
    {
        if (!current.Scope.Roles.Contains(Roles.CountyStaff)) throw new RuleViolation(null, "发放批次只能由县级工作人员办理");
    }
}
