using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Admin.Places;

public class TownshipModel(PlaceService places) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public VillageInput Village { get; set; } = new();
    [BindProperty] public TownshipMerge Merge { get; set; } = new();

    public Township Township { get; private set; } = null!;
    public string? SuccessorName { get; private set; }
    public List<TownshipRow> Others { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostAddVillageAsync(CancellationToken ct) =>
        Act(nameof(Village), () => places.CreateVillageAsync(Code, Village, ct), $"已新增 {Village.Name}", ct);

    public Task<IActionResult> OnPostRenameAsync(string newName, CancellationToken ct) =>
        Act(null, () => places.RenameTownshipAsync(Code, CheckName(newName), ct), "已改名", ct);

    public Task<IActionResult> OnPostRenameVillageAsync(string villageCode, string newName, CancellationToken ct) =>
        Act(null, () => places.RenameVillageAsync(villageCode, CheckName(newName), ct), "已改名", ct);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken ct) =>
        Act(nameof(Merge), () => places.MergeTownshipAsync(Code, Merge, ct), "已撤销并并入", ct);

    private static string CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new RuleViolation(null, "名称不能为空")
        : name.Trim().Length > Core.Places.Township.NameMaxLength ? throw new RuleViolation(null, "名称过长")
        : name;

    /// <summary>Validates only the form that was posted, runs it, and redisplays with the Chinese message on failure.</summary>
    private async Task<IActionResult> Act(string? form, Func<Task> action, string done, CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => form is null || !k.StartsWith(form + ".")).ToList())
            ModelState.Remove(key);
        if (ModelState.IsValid)
        {
            try
            {
                await action();
                TempData["Message"] = done;
                return RedirectToPage("Township", new { code = Code });
            }
            catch (NotFoundOrForbidden)
            {
                return NotFound();
            }
            catch (RuleViolation e)
            {
                ModelState.AddRuleViolation(e, form ?? "");
            }
        }
        return await Show(ct);
    }

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Township = await places.TownshipAsync(Code, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        var all = await places.TownshipsAsync(ct);
        SuccessorName = all.FirstOrDefault(t => t.Code == Township.SuccessorCode)?.Name;
        Others = all.Where(t => t.Code != Code && t.AbolishedOn is null).ToList();
        return Page();
    }
}
