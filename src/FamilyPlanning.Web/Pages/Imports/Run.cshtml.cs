using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Imports;

/// <summary>The outcome of one upload, with every problem by row and column and the report to download.</summary>
public class RunModel(ImportService imports) : PageModel
{
    public const int ProblemsShown = 500;

    public ImportRun Run { get; private set; } = null!;
    public List<ImportProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        try { Run = await imports.GetRunAsync(id, ct); }
        catch (NotFoundOrForbidden) { return NotFound(); }
        Problems = imports.ProblemsFor(Run).Take(ProblemsShown).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetReportAsync(long id, string? format, CancellationToken ct)
    {
        try
        {
            var run = await imports.GetRunAsync(id, ct);
            var (content, type, name) = TemplateFiles.Problems(run, imports.ProblemsFor(run), format);
            return File(content, type, name);
        }
        catch (NotFoundOrForbidden) { return NotFound(); }
    }
}
