using System.Globalization;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Monthly;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Monthly;

public class ReportModel(MonthlyReportService reports) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public string Township { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "month")] public string MonthText { get; set; } = "";
    [BindProperty] public Dictionary<string, string> Comments { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }

    public MonthView? View { get; private set; }
    public bool IsCounty => UserScope.From(User).Roles.Contains(Roles.CountyStaff);
    public bool CanSubmit => View is { } v && UserScope.From(User).CanWrite(v.TownshipCode)
        && v.Status is ReportStatus.Open or ReportStatus.Returned or ReportStatus.Reopened && v.Month.AddMonths(1) <= reports.Today;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => Act(m => reports.SubmitAsync(Township, m, Comments, ct), "已上报", ct);
    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => Act(m => reports.ApproveAsync(Township, m, ct), "已审核并锁定", ct);
    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => Act(m => reports.ReturnAsync(Township, m, Reason, ct), "已退回", ct);
    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => Act(m => reports.ReopenAsync(Township, m, Reason, ct), "已重新打开", ct);

    private Task<IActionResult> Act(Func<DateOnly, Task> action, string done, CancellationToken ct)
    {
        if (Month() is not { } month) return Task.FromResult<IActionResult>(NotFound());
        return Attempt(async () =>
        {
            await action(month);
            TempData["Message"] = done;
            return RedirectToPage("Report", new { township = Township, month = MonthText });
        }, "", () => Show(ct));
    }

    private DateOnly? Month() =>
        DateOnly.TryParseExact(MonthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        if (Month() is not { } month) return NotFound();
        try
        {
            View = await reports.ViewAsync(Township, month, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return Page();
    }
}
