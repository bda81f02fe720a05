using FamilyPlanning.Core.Settings;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Admin.Settings;

public class IndexModel(SettingsService settings) : RegisterPage
{
    [BindProperty] public SettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        Input = new SettingsInput
        {
            YearStartMonth = s.YearStartMonth,
            ReportDeadlineDay = s.ReportDeadlineDay,
            ExcludeExemptFromPrevalence = s.ExcludeExemptFromPrevalence,
            Version = s.Version,
        };
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await settings.UpdateAsync(Input, ct);
        TempData["Message"] = "设置已保存";
        return RedirectToPage();
    }, nameof(Input), () => Task.FromResult<IActionResult>(Page()));
}
