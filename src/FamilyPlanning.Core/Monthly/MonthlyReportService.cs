using System.Text.Json;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Monthly;

public sealed record MonthView(string TownshipCode, string TownshipName, DateOnly Month, MonthlyReport? Report, List<Finding> Findings,
    MonthFigures Now, MonthFigures? Submitted, MonthFigures? Approved, Dictionary<string, string> Comments, DateOnly Deadline)
{
    public ReportStatus Status => Report?.Status ?? ReportStatus.Open;
}

public sealed record MonthStatus(DateOnly Month, ReportStatus Status, DateOnly Deadline, DateOnly? SubmittedOn)
{
    public bool? OnTime => SubmittedOn is { } s ? s <= Deadline : null;
}

public sealed record Completeness(string TownshipCode, string TownshipName, List<MonthStatus> Months);

/// <summary>月报: a clerk submits a township-month after the checks pass (warnings commented); county staff return it with a
/// reason or approve it; an approved month can be reopened with a reason. Each transition is a step with who, when and why;
/// submission and approval freeze the month's figures; submitted and approved months are locked (<see cref="MonthLockInterceptor"/>).</summary>
public sealed class MonthlyReportService(AppDbContext db, ICurrentUser current, TimeProvider clock, IndicatorQuery query,
    ValidationRules rules, SettingsService settings)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<MonthView> ViewAsync(string township, DateOnly month, CancellationToken ct)
    {
        var scope = current.Scope;
        if (!scope.CanRead(township)) throw new NotFoundOrForbidden("乡镇");
        month = new DateOnly(month.Year, month.Month, 1);
        var name = await db.Townships.Where(t => t.Code == township).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? throw new NotFoundOrForbidden("乡镇");
        var report = await db.MonthlyReports.AsNoTracking().Include(r => r.Steps.OrderBy(s => s.At))
            .FirstOrDefaultAsync(r => r.TownshipCode == township && r.Month == month, ct);
        var (counts, figures) = await FiguresAsync(township, month, ct);
        var findings = await rules.RunAsync(township, month, counts, ct);
        var s = await settings.GetAsync(ct);
        return new MonthView(township, name, month, report, findings, figures, Parse(report?.SubmittedSnapshot), Parse(report?.ApprovedSnapshot),
            report?.WarningComments is { } c ? JsonSerializer.Deserialize<Dictionary<string, string>>(c) ?? [] : [],
            DeadlineOf(month, s.ReportDeadlineDay));
    }

    public async Task SubmitAsync(string township, DateOnly month, Dictionary<string, string> comments, CancellationToken ct)
    {
        if (!current.Scope.CanWrite(township)) throw new NotFoundOrForbidden("乡镇");
        month = new DateOnly(month.Year, month.Month, 1);
        if (month.AddMonths(1) > Today) throw new RuleViolation(null, $"{month:yyyy年M月}尚未结束，不能上报");
        var report = await TrackedAsync(township, month, ct);
        if (report.Status is ReportStatus.Submitted or ReportStatus.Approved)
            throw new RuleViolation(null, $"该月月报{ReportNames.Of(report.Status)}，不能重复上报");
        var (counts, figures) = await FiguresAsync(township, month, ct);
        var findings = await rules.RunAsync(township, month, counts, ct);
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0) throw new RuleViolation(null, $"有{errors.Count}个错误须先改正：" + string.Join("；", errors.Select(e => e.Message)));
        var kept = findings.Where(f => f.Severity == Severity.Warning)
            .ToDictionary(f => f.Key, f => comments.GetValueOrDefault(f.Key)?.Trim() ?? "");
        var missing = kept.Where(k => k.Value.Length == 0).Select(k => findings.First(f => f.Key == k.Key).Message).ToList();
        if (missing.Count > 0) throw new RuleViolation(null, $"以下{missing.Count}个警告须填写说明后才能上报：" + string.Join("；", missing));
        report.Status = ReportStatus.Submitted;
        report.SubmittedAt = clock.GetUtcNow();
        report.FirstSubmittedOn ??= Today;
        report.SubmittedSnapshot = JsonSerializer.Serialize(figures.Values, Json);
        report.WarningComments = JsonSerializer.Serialize(kept, Json);
        Step(report, ReportStatus.Submitted, kept.Count > 0 ? $"{kept.Count}个警告已说明" : "");
        await db.SaveOrExplainAsync(ct);
    }

    public Task ReturnAsync(string township, DateOnly month, string? reason, CancellationToken ct) =>
        CountyStepAsync(township, month, ReportStatus.Submitted, ReportStatus.Returned, Rules.Required(reason, "Reason", "退回理由"), ct);

    public Task ApproveAsync(string township, DateOnly month, CancellationToken ct) =>
        CountyStepAsync(township, month, ReportStatus.Submitted, ReportStatus.Approved, "", ct);

    public Task ReopenAsync(string township, DateOnly month, string? reason, CancellationToken ct) =>
        CountyStepAsync(township, month, ReportStatus.Approved, ReportStatus.Reopened, Rules.Required(reason, "Reason", "重新打开的理由"), ct);

    /// <summary>Every township's status for the months of a year up to the last ended month (county staff read all; a clerk
    /// their own).</summary>
    public async Task<List<Completeness>> CompletenessAsync(int year, CancellationToken ct)
    {
        Indicators.Period.CheckYear(year);
        var townships = await current.Scope.Readable(db.Townships.AsNoTracking(), t => t.Code).Where(t => t.AbolishedOn == null)
            .OrderBy(t => t.Code).Select(t => new { t.Code, t.Name }).ToListAsync(ct);
        var codes = townships.Select(t => t.Code).ToList();
        var first = new DateOnly(year, 1, 1);
        var reports = await db.MonthlyReports.AsNoTracking().Where(r => codes.Contains(r.TownshipCode) && r.Month >= first && r.Month < first.AddYears(1))
            .ToListAsync(ct);
        var deadlineDay = (await settings.GetAsync(ct)).ReportDeadlineDay;
        var months = Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).Where(m => m.AddMonths(1) <= Today).ToList();
        return townships.Select(t => new Completeness(t.Code, t.Name, months.Select(m =>
        {
            var r = reports.FirstOrDefault(x => x.TownshipCode == t.Code && x.Month == m);
            return new MonthStatus(m, r?.Status ?? ReportStatus.Open, DeadlineOf(m, deadlineDay), r?.FirstSubmittedOn);
        }).ToList())).ToList();
    }

    /// <summary>Months whose deadline has passed and that are not submitted: a clerk's overdue list.</summary>
    public async Task<List<DateOnly>> OverdueAsync(string township, CancellationToken ct)
    {
        var rows = await CompletenessAsync(Today.Year, ct);
        var previous = Today.Month <= 2 ? await CompletenessAsync(Today.Year - 1, ct) : [];
        return previous.Concat(rows).Where(r => r.TownshipCode == township).SelectMany(r => r.Months)
            .Where(m => m.Status is ReportStatus.Open or ReportStatus.Returned or ReportStatus.Reopened && m.Deadline < Today)
            .Select(m => m.Month).ToList();
    }

    public static DateOnly DeadlineOf(DateOnly month, int day) => month.AddMonths(1).AddDays(day - 1);

    private async Task CountyStepAsync(string township, DateOnly month, ReportStatus from, ReportStatus to, string reason, CancellationToken ct)
    {
        if (!current.Scope.Roles.Contains(Roles.CountyStaff)) throw new RuleViolation(null, "只有县级工作人员可以审核、退回或重新打开月报");
        month = new DateOnly(month.Year, month.Month, 1);
        var report = await db.MonthlyReports.FirstOrDefaultAsync(r => r.TownshipCode == township && r.Month == month, ct);
        if (report is null || report.Status != from)
            throw new RuleViolation(null, $"该月月报当前为{ReportNames.Of(report?.Status ?? ReportStatus.Open)}，不能{(to == ReportStatus.Reopened ? "重新打开" : to == ReportStatus.Approved ? "审核" : "退回")}");
        report.Status = to;
        if (to == ReportStatus.Approved)
        {
            report.ApprovedAt = clock.GetUtcNow();
            report.ApprovedSnapshot = JsonSerializer.Serialize((await FiguresAsync(township, month, ct)).figures.Values, Json);
        }
        Step(report, to, reason);
        await db.SaveOrExplainAsync(ct);
    }

    private async Task<(IndicatorCounts counts, MonthFigures figures)> FiguresAsync(string township, DateOnly month, CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        var period = new Period(month, month.AddMonths(1).AddDays(-1), $"{month:yyyy-MM}", $"{month:yyyy年M月}");
        var counts = (await query.CountsAsync([township], period, s.ReportDeadlineDay, s.YearStartMonth, ct))[township];
        return (counts, MonthFigures.From(IndicatorMath.Compute(counts, null, s.ExcludeExemptFromPrevalence)));
    }

    private async Task<MonthlyReport> TrackedAsync(string township, DateOnly month, CancellationToken ct)
    {
        var report = await db.MonthlyReports.FirstOrDefaultAsync(r => r.TownshipCode == township && r.Month == month, ct);
        if (report is not null) return report;
        report = new MonthlyReport { TownshipCode = township, Month = month, Status = ReportStatus.Open };
        db.MonthlyReports.Add(report);
        return report;
    }

    private void Step(MonthlyReport r, ReportStatus status, string reason) =>
        r.Steps.Add(new MonthlyReportStep { Status = status, At = clock.GetUtcNow(), UserName = current.Scope.UserName, Reason = reason });

    private static MonthFigures? Parse(string? json) =>
        json is null ? null : new MonthFigures(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);
}
