using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Reports;
using FamilyPlanning.Core.Reports.Pdf;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Reports;

public class HalfYearModel(HalfYearSummaryService summaries, NarrativeService narratives, ReportArchive archive,
    Core.Places.PlaceService places, IConfiguration config, TimeProvider clock) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string Part { get; set; } = "H1";
    [BindProperty] public NarrativeInput Input { get; set; } = new();

    public HalfYearSummary? Summary { get; private set; }
    public List<(string code, string name)> Areas { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct, loadNarrative: true);

    public Task<IActionResult> OnPostNarrativeAsync(CancellationToken ct) => Attempt(async () =>
    {
        Defaults();
        await narratives.SaveAsync(Area!, PeriodCode, Input, ct);
        TempData["Message"] = "草稿已保存";
        return RedirectToPage(new { area = Area, year = Year, part = Part });
    }, nameof(Input), () => Show(ct, loadNarrative: false));

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        Defaults();
        try
        {
            var summary = await summaries.BuildAsync(Area!, Year, Part, ct);
            var draft = await narratives.GetAsync(Area!, PeriodCode, ct);
            var bytes = SummaryPdf.Render(summary, draft?.ToNarrative() ?? new Narrative(null, null, null, null, null),
                config["Reports:FontPath"], ChinaTime.Today(clock));
            await archive.StoreAsync(summary, Area!, PeriodCode, bytes, ct);
            return File(bytes, "application/pdf", summary.Title + ".pdf");
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        catch (RuleViolation e)
        {
            return BadRequest(e.Message);
        }
    }

    private string PeriodCode => HalfYearSummaryService.PeriodCode(Year, Part);

    private void Defaults()
    {
        var scope = UserScope.From(User);
        if (Year == 0) Year = ChinaTime.Today(clock).Year;
        Area ??= scope.ReadsWholeCounty ? "county" : scope.TownshipCode;
    }

    private async Task<IActionResult> Show(CancellationToken ct, bool loadNarrative)
    {
        Defaults();
        var scope = UserScope.From(User);
        Areas = scope.ReadsWholeCounty ? [("county", "全县")] : [];
        Areas.AddRange((await places.TownshipsAsync(ct)).Where(t => t.AbolishedOn is null && scope.CanRead(t.Code)).Select(t => (t.Code, t.Name)));
        if (Area is null) return NotFound();
        try
        {
            Summary = await summaries.BuildAsync(Area, Year, Part, ct);
            if (loadNarrative && await narratives.GetAsync(Area, PeriodCode, ct) is { } d)
                Input = new NarrativeInput { Practices = d.Practices, Problems = d.Problems, Plans = d.Plans, ResponsiblePerson = d.ResponsiblePerson, Preparer = d.Preparer };
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        CanWrite = narratives.CanWrite(Area);
        return Page();
    }
}
