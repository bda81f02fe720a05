using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Women;

public class CreateModel(WomanService women, PersonService persons) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long? PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty] public WomanInput Input { get; set; } = new();

    public Person? Person { get; private set; }
    public List<PersonCandidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = Input with { RegisteredOn = women.Today };
        if (PersonId is null)
        {
            Candidates = await women.CandidatesAsync(Query, ct);
            return Page();
        }
        return await Show(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        var id = await women.CreateAsync(PersonId ?? 0, Input, ct);
        TempData["Message"] = "已建档";
        return RedirectToPage("Details", new { id });
    }, nameof(Input), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Person = await persons.WritableAsync(PersonId ?? 0, ct);
            Person = await persons.GetAsync(Person.Id, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return Page();
    }
}
