using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Admin.Users;

public class CreateModel(UserService users, PlaceService places) : PageModel
{
    [BindProperty] public NewUser Input { get; set; } = new();
    public RoleAndTownshipFields Fields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await users.CreateAsync(Input, ct);
                TempData["Message"] = $"已创建用户 {Input.UserName}";
                return RedirectToPage("Index");
            }
            catch (RuleViolation e)
            {
                ModelState.AddRuleViolation(e, nameof(Input));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Fields = new RoleAndTownshipFields(nameof(Input), Input.Role, Input.TownshipCode,
            (await places.TownshipsAsync(ct)).Where(t => t.AbolishedOn is null).ToList(),
            ModelState.FirstError($"{nameof(Input)}.{nameof(NewUser.Role)}"),
            ModelState.FirstError($"{nameof(Input)}.{nameof(NewUser.TownshipCode)}"));
}
