using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Contraception;

public class CreateModel(ContraceptionService contraception, WomanService women) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long? WomanId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty] public RecordContraception Input { get; set; } = new();

    public Woman? Woman { get; private set; }
    public List<WomanRow> Women { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (WomanId is null)
        {
            if (!string.IsNullOrWhiteSpace(Query))
                Women = (await women.SearchAsync(new WomanFilter(Query, null, IncludeLeft: false), ct)).Rows;
            return Page();
        }
        Input = Input with { Date = women.Today };
        return await Show(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await contraception.RecordAsync(Input, ct);
        TempData["Message"] = $"已登记{Methods.Of(Input.Type!.Value)}";
        return RedirectToPage("/Women/Details", new { id = Input.WomanId });
    }, nameof(Input), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Woman = await women.WritableAsync(WomanId ?? Input.WomanId ?? 0, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return Page();
    }
}
