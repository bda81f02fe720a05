using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Admin.SubsidyRates;

public class IndexModel(SubsidyRateService rates) : RegisterPage
{
    [BindProperty] public SubsidyRateInput Input { get; set; } = new();
    public List<SubsidyRate> Rates { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await rates.AddAsync(Input, ct);
        TempData["Message"] = "已新增标准";
        return RedirectToPage();
    }, nameof(Input), () => Show(ct));

    public Task<IActionResult> OnPostDeleteAsync(int rateId, CancellationToken ct)
    {
        ModelState.Clear();
        return Attempt(async () =>
        {
            await rates.DeleteAsync(rateId, ct);
            TempData["Message"] = "已删除该标准";
            return RedirectToPage();
        }, "", () => Show(ct));
    }

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        Rates = await rates.ListAsync(ct);
        return Page();
    }
}
