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

    public List<RunRow> Runs { get; private set; } = [];
    public List<ProgrammeTotal> Totals { get; private set; } = [];
    public string TotalsTitle { get; private set; } = "";
    public bool IsCounty => UserScope.From(User).Roles.Contains(Roles.CountyStaff);
    public DateOnly Today => ChinaTime.Today(clock);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => Attempt(async () =>
    {
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

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        if (RunYear == 0) RunYear = Today.Year;
        Runs = await payments.RunsAsync(ct);
        if (Runs.FirstOrDefault() is { } latest)
        {
            Totals = await payments.TotalsAsync(latest.FromMonth, latest.ToMonth, ct);
            TotalsTitle = $"{latest.FromMonth:yyyy-MM} 至 {latest.ToMonth:yyyy-MM}";
        }
        return Page();
    }
}
