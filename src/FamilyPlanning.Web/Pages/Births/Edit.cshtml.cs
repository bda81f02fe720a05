using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Births;

public class EditModel(BirthService births) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public BirthEdit Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var b = await births.WritableAsync(Id, ct);
            Version = b.Version;
            Input = new BirthEdit { Place = b.Place, CertificateNumber = b.CertificateNumber, PermitNumber = b.PermitNumber, ReportedOn = b.ReportedOn };
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await births.UpdateAsync(Id, Version, Input, ct);
        TempData["Message"] = "已保存";
        return RedirectToPage("Details", new { id = Id });
    }, nameof(Input), () => Task.FromResult<IActionResult>(Page()));
}
