using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Reports;

public class ArchiveModel(ReportArchive archive) : PageModel
{
    public List<ExportRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await archive.ListAsync(ct);

    public async Task<IActionResult> OnGetDownloadAsync(long id, CancellationToken ct)
    {
        try
        {
            var e = await archive.GetAsync(id, ct);
            return File(e.Content, "application/pdf", e.Title + ".pdf");
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
    }
}
