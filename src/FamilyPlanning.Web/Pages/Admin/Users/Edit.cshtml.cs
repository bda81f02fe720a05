using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Admin.Users;

public class EditModel(UserService users, PlaceService places, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public UserChange Input { get; set; } = new();
    [BindProperty] public string? NewPassword { get; set; }

    public string UserName { get; private set; } = "";
    public bool IsDisabled { get; private set; }
    public bool IsLockedOut { get; private set; }
    public RoleAndTownshipFields Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var (user, role) = await users.GetAsync(Id, ct);
            Input = new UserChange { DisplayName = user.DisplayName, Role = role, TownshipCode = user.TownshipCode };
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        Act(() => users.UpdateAsync(Id, Input, ct), "已保存", nameof(Input), ct);

    public Task<IActionResult> OnPostResetPasswordAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "请填写新密码");
            return Redisplay(ct);
        }
        return Act(() => users.ResetPasswordAsync(Id, NewPassword, ct), "密码已重置", "", ct);
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return Act(() => users.SetDisabledAsync(Id, true, ct), "账号已停用", "", ct);
    }

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return Act(() => users.SetDisabledAsync(Id, false, ct), "账号已启用", "", ct);
    }

    private async Task<IActionResult> Act(Func<Task> action, string done, string prefix, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await Redisplay(ct);
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage("Edit", new { id = Id });
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        catch (RuleViolation e)
        {
            if (e.Field == "NewPassword") ModelState.AddModelError(nameof(NewPassword), e.Message);
            else ModelState.AddRuleViolation(e, prefix);
            return await Redisplay(ct);
        }
    }

    private async Task<IActionResult> Redisplay(CancellationToken ct)
    {
        try
        {
            var (user, role) = await users.GetAsync(Id, ct);
            if (string.IsNullOrEmpty(Input.Role))
                Input = new UserChange { DisplayName = user.DisplayName, Role = role, TownshipCode = user.TownshipCode };
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (user, _) = await users.GetAsync(Id, ct);
        UserName = user.UserName ?? "";
        IsDisabled = user.IsDisabled;
        IsLockedOut = user.LockoutEnd > clock.GetUtcNow();
        Fields = new RoleAndTownshipFields(nameof(Input), Input.Role, Input.TownshipCode,
            (await places.TownshipsAsync(ct)).Where(t => t.AbolishedOn is null).ToList(),
            ModelState.FirstError($"{nameof(Input)}.{nameof(UserChange.Role)}"),
            ModelState.FirstError($"{nameof(Input)}.{nameof(UserChange.TownshipCode)}"));
    }
}
