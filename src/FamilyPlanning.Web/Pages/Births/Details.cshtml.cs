using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Births;

public class DetailsModel(BirthService births, AuditLogService audit) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public PolicyOverride Override { get; set; } = new();

    public Birth Birth { get; private set; } = null!;
    public List<string> Siblings { get; private set; } = [];
    public string Father { get; private set; } = "";
    public bool CanWrite { get; private set; }
    public List<AuditEntry> History { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostOverrideAsync(CancellationToken ct)
    {
        OnlyValidate(nameof(Override));
        return Attempt(async () =>
        {
            await births.OverridePolicyAsync(Id, Override, ct);
            TempData["Message"] = "已调整政策属性";
            return RedirectToPage("Details", new { id = Id });
        }, nameof(Override), () => Show(ct));
    }

    public Task<IActionResult> OnPostClearOverrideAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return Attempt(async () =>
        {
            await births.ClearOverrideAsync(Id, ct);
            TempData["Message"] = "已恢复自动判定";
            return RedirectToPage("Details", new { id = Id });
        }, "", () => Show(ct));
    }

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return Attempt(async () =>
        {
            var motherId = (await births.GetAsync(Id, ct)).MotherId;
            await births.DeleteAsync(Id, Version, ct);
            TempData["Message"] = "已删除出生登记";
            return RedirectToPage("/Women/Details", new { id = motherId });
        }, "", () => Show(ct));
    }

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Birth = await births.GetAsync(Id, ct);
            Father = births.FatherShown(Birth);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        CanWrite = UserScope.From(User).CanWrite(Birth.TownshipCode);
        Siblings = (await births.OfMotherAsync(Birth.MotherId, ct)).Where(b => b.DeliveryId == Birth.DeliveryId)
            .Select(b => b.Child!.Name).ToList();
        History = await audit.HistoryAsync(nameof(Core.Births.Birth), Id.ToString(), Birth.TownshipCode, ct);
        return Page();
    }
}
