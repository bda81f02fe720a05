using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Households;

public class CreateModel(HouseholdService households, PlaceService places) : RegisterPage
{
    [BindProperty] public HouseholdInput Input { get; set; } = new();
    public HouseholdForm Form { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        var id = await households.CreateAsync(Input, ct);
        TempData["Message"] = $"已新增户 {Input.Number}";
        return RedirectToPage("Details", new { id });
    }, nameof(Input), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        Form = new HouseholdForm(Input, VillageOptions(await places.ReadableVillagesAsync(ct)));
        return Page();
    }
}
