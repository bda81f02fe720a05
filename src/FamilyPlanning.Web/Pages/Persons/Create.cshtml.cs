using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Persons;

public class CreateModel(PersonService persons, HouseholdService households) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long HouseholdId { get; set; }
    [BindProperty] public PersonInput Input { get; set; } = new();
    public string HouseholdNumber { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        var id = await persons.CreateAsync(HouseholdId, Input, ct);
        TempData["Message"] = $"已新增 {Input.Name}";
        return RedirectToPage("Details", new { id });
    }, nameof(Input), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            HouseholdNumber = (await households.WritableAsync(HouseholdId, ct)).Number;
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return Page();
    }
}
