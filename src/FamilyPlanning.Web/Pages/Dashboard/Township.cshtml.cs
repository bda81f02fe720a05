using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Dashboard;

public class TownshipModel(IndicatorService indicators) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodCode { get; set; }
    public IndicatorReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Report = await indicators.ReportAsync(await indicators.PeriodAsync(PeriodCode, null, null, ct), Code, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        catch (RuleViolation e)
        {
            return BadRequest(e.Message);
        }
        return Page();
    }
}
