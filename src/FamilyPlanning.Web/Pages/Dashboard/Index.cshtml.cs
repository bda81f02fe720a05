using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Dashboard;

public class IndexModel(IndicatorService indicators) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodCode { get; set; }
    public IndicatorReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Period period;
        try
        {
            period = await indicators.PeriodAsync(PeriodCode, null, null, ct);
        }
        catch (RuleViolation e)
        {
            Error = e.Message;
            period = await indicators.PeriodAsync(null, null, null, ct);
        }
        Report = await indicators.ReportAsync(period, null, ct);
        return Page();
    }
}
