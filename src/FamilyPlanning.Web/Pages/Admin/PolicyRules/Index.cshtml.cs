using FamilyPlanning.Core.Births;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Admin.PolicyRules;

public class IndexModel(PolicyRuleService rules) : RegisterPage
{
    [BindProperty] public PolicyRuleInput Input { get; set; } = new();
    public List<PolicyRule> Rules { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await rules.AddAsync(Input, ct);
        TempData["Message"] = "已新增规则";
        return RedirectToPage();
    }, nameof(Input), () => Show(ct));

    public Task<IActionResult> OnPostDeleteAsync(int ruleId, CancellationToken ct)
    {
        ModelState.Clear();
        return Attempt(async () =>
        {
            await rules.DeleteAsync(ruleId, ct);
            TempData["Message"] = "已删除规则";
            return RedirectToPage();
        }, "", () => Show(ct));
    }

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        Rules = await rules.ListAsync(ct);
        return Page();
    }
}
