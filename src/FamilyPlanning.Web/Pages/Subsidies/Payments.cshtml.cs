using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Subsidies;

public class PaymentsModel(PaymentService payments, TimeProvider clock) : RegisterPage
{
    [BindProperty] public int RunYear { get; set; }
    [BindProperty] public string? RunPart { get; set; } = "H1";
    /// <summary>The period shown, as yyyyMM-yyyyMM; the newest when not chosen.</summary>
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public List<string> Periods { get; private set; } = [];

    public List<RunRow> Runs { get; private set; } = [];
    public List<ProgrammeTotal> Totals { get; private set; } = [];
    public string TotalsTitle { get; private set; } = "";
    public bool IsCounty => UserScope.From(User).Roles.Contains(Roles.CountyStaff);
    public DateOnly Today => ChinaTime.Today(clock);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => Attempt(async () =>
    {
        Core.Indicators.Period.CheckYear(RunYear, nameof(RunYear));
        var (from, to) = RunPart switch
        {
            "H2" => (new DateOnly(RunYear, 7, 1), new DateOnly(RunYear, 12, 1)),
            "Y" => (new DateOnly(RunYear, 1, 1), new DateOnly(RunYear, 12, 1)),
            _ => (new DateOnly(RunYear, 1, 1), new DateOnly(RunYear, 6, 1)),
        };
        var runs = await payments.CreateRunsAsync(from, to, ct);
        TempData["Message"] = $"已生成 {runs} 个乡镇的发放名单";
        return RedirectToPage();
    }, "", () => Show(ct));

    public Task<IActionResult> OnPostPaidAsync(long runId, DateOnly paidOn, CancellationToken ct) => Attempt(async () =>
    {
        await payments.MarkPaidAsync(runId, paidOn, ct);
        TempData["Message"] = "已标记为已发放";
        return RedirectToPage();
    }, "", () => Show(ct));

    public Task<IActionResult> OnPostDeleteAsync(long runId, CancellationToken ct) => Attempt(async () =>
    {
        await payments.DeleteAsync(runId, ct);
        TempData["Message"] = "已删除发放批次";
        return RedirectToPage();
    }, "", () => Show(ct));

    public async Task<IActionResult> OnGetExportAsync(long runId, CancellationToken ct)
    {
        try
        {
            var (name, content) = await payments.ExportAsync(runId, ct);
            return File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
    }

    private static string Key(RunRow r) => $"{r.FromMonth:yyyyMM}-{r.ToMonth:yyyyMM}";

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        if (RunYear == 0) RunYear = Today.Year;
        var runs = await payments.RunsAsync(ct);
        Periods = runs.Select(Key).Distinct().ToList();
        Period = Periods.Contains(Period ?? "") ? Period : Periods.FirstOrDefault();
        Runs = runs.Where(r => Key(r) == Period).ToList();
        if (Runs.FirstOrDefault() is { } shown)
        {
            Totals = await payments.TotalsAsync(shown.FromMonth, shown.ToMonth, ct);
            TotalsTitle = $"{shown.FromMonth:yyyy-MM} 至 {shown.ToMonth:yyyy-MM}";
        }
        return Page();
    }
}
