using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>What every register page does the same way: run a use case, and turn its refusals into a Chinese message on
/// the form (rule broken, someone else saved first) or a 404 (not found, or another township's record).</summary>
public abstract class RegisterPage : PageModel
{
    protected async Task<IActionResult> Attempt(Func<Task<IActionResult>> action, string prefix, Func<Task<IActionResult>> redisplay)
    {
        if (!ModelState.IsValid) return await redisplay();
        try
        {
            return await action();
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        catch (RuleViolation e)
        {
            ModelState.AddRuleViolation(e, prefix);
        }
        catch (ConcurrencyConflict e)
        {
            ModelState.AddModelError("", e.Message);
        }
        return await redisplay();
    }

    /// <summary>For pages with several forms: validates only the posted form, runs the action, and on success shows
    /// <paramref name="done"/> on the same page again (PRG).</summary>
    protected Task<IActionResult> AttemptForm(string form, Func<Task> action, string done, object routeValues, Func<Task<IActionResult>> redisplay)
    {
        OnlyValidate(form);
        return Attempt(async () =>
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage(routeValues);
        }, form, redisplay);
    }

    /// <summary>Keeps only the posted form's fields in ModelState, for pages with several forms.</summary>
    protected void OnlyValidate(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".") && k != prefix).ToList()) ModelState.Remove(key);
    }

    /// <summary>Exports show full ID numbers only to the clerk, whose lists hold nothing but her own township.</summary>
    protected bool FullIds => Core.Security.UserScope.From(User).IsClerk;

    /// <summary>A list as an XLSX or CSV download named after the list and today's date.</summary>
    protected FileContentResult Download(string? format, string stem, Table table)
    {
        var (content, type, name) = TableFile.Make(format, $"{stem}_{ChinaTime.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>()):yyyyMMdd}", table);
        return File(content, type, name);
    }

    protected static string Masked(string? id, bool full) => full ? id ?? "" : IdNumber.Mask(id);

    public static List<SelectListItem> VillageOptions(IEnumerable<Village> villages) =>
        villages.Select(v => new SelectListItem(v.Name, v.Code)).ToList();
}
