using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Exports;
using FamilyPlanning.Core.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Dashboard;

public class IndexModel(IndicatorService indicators) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodCode { get; set; }
    public IndicatorReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        IndicatorReport report;
        try { report = await indicators.ReportAsync(await indicators.PeriodAsync(PeriodCode, null, null, ct), null, ct); }
        catch (RuleViolation e) { return BadRequest(e.Message); }
        var (content, type, name) = TableFile.Make(format, $"{report.Total.Name}_{report.Period.Name}_指标", IndicatorTables.Areas(report));
        return File(content, type, name);
    }

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
