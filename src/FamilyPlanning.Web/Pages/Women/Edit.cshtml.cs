using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Women;

public class EditModel(WomanService women) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public WomanInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var w = await women.WritableAsync(Id, ct);
            Version = w.Version;
            Input = WomanInput.Of(w);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await women.UpdateAsync(Id, Version, Input, ct);
        TempData["Message"] = "已保存";
        return RedirectToPage("Details", new { id = Id });
    }, nameof(Input), () => Task.FromResult<IActionResult>(Page()));
}
