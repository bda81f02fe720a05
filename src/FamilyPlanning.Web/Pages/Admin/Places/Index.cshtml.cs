using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Admin.Places;

public class IndexModel(PlaceService places) : PageModel
{
    [BindProperty] public TownshipInput Input { get; set; } = new();
    public County? County { get; private set; }
    public List<TownshipRow> Townships { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var code = await places.CreateTownshipAsync(Input, ct);
                TempData["Message"] = $"已新增 {Input.Name}";
                return RedirectToPage("Township", new { code });
            }
            catch (RuleViolation e)
            {
                ModelState.AddRuleViolation(e, nameof(Input));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        County = await places.CountyAsync(ct);
        Townships = await places.TownshipsAsync(ct);
    }
}
