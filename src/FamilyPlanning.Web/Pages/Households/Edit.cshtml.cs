using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Households;

public class EditModel(HouseholdService households, PlaceService places) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public HouseholdInput Input { get; set; } = new();
    public HouseholdForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var h = await households.WritableAsync(Id, ct);
            Version = h.Version;
            Input = new HouseholdInput
            {
                Number = h.Number,
                VillageCode = h.VillageCode,
                Address = h.Address,
                HeadName = h.HeadName,
                HukouType = h.HukouType,
            };
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return await Show(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await households.UpdateAsync(Id, Version, Input, ct);
        TempData["Message"] = "已保存";
        return RedirectToPage("Details", new { id = Id });
    }, nameof(Input), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        Form = new HouseholdForm(Input, VillageOptions(await places.ReadableVillagesAsync(ct)));
        return Page();
    }
}
