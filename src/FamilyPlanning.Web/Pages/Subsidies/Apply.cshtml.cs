using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Subsidies;

public class ApplyModel(SubsidyService subsidies, PersonService persons) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long? PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty] public SubsidyApplication Input { get; set; } = new();

    public FamilyFacts? Facts { get; private set; }
    public Paged<PersonRow> Candidates { get; private set; } = new([], 0, 1, Paging.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = Input with { AppliedOn = subsidies.Today };
        if (PersonId is null)
        {
            if (!string.IsNullOrWhiteSpace(Query)) Candidates = await persons.SearchAsync(new Core.People.RegisterFilter(Query, null), ct);
            return Page();
        }
        return await Show(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        var id = await subsidies.ApplyAsync(Input, ct);
        TempData["Message"] = "申请已登记，请组织村级公示";
        return RedirectToPage("Details", new { id });
    }, nameof(Input), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Facts = await subsidies.FactsAsync(PersonId ?? Input.PersonId ?? 0, Input.DeclaredBoys, Input.DeclaredGirls, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return Page();
    }
}
