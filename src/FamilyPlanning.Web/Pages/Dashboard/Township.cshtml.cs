using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Exports;
using FamilyPlanning.Core.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Dashboard;

public class TownshipModel(IndicatorService indicators) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodCode { get; set; }
    public IndicatorReport? Report { get; private set; }

    public async Task<IActionResult> OnGetExportAsync(string? format, string? table, CancellationToken ct)
    {
        var result = await OnGetAsync(ct);
        if (Report is not { } r) return result;
        var (content, type, name) = TableFile.Make(format, $"{r.Total.Name}_{r.Period.Name}_{(table == "months" ? "分月出生" : "指标")}",
            table == "months" ? IndicatorTables.Months(r) : IndicatorTables.Areas(r));
        return File(content, type, name);
    }

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
