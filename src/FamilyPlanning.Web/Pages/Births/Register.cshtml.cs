using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Births;

public class RegisterModel(BirthService births, WomanService women) : RegisterPage
{
    private const int ChildRows = 3;

    [BindProperty(SupportsGet = true)] public long? MotherId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty] public RegisterBirth Input { get; set; } = new();

    public Woman? Mother { get; private set; }
    public List<WomanRow> Mothers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = Input with { ReportedOn = women.Today };
        if (MotherId is null)
        {
            if (!string.IsNullOrWhiteSpace(Query))
                Mothers = (await women.SearchAsync(new WomanFilter(Query, null, IncludeLeft: false), ct)).Rows;
            return Page();
        }
        return await Show(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        var result = await births.RegisterAsync(Input, ct);
        TempData["Message"] = $"已登记 {result.BirthIds.Count} 个婴儿";
        if (result.Warnings.Count > 0) TempData["Warning"] = "请核实：" + string.Join("；", result.Warnings);
        return RedirectToPage("Details", new { id = result.BirthIds[0] });
    }, nameof(Input), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Mother = await women.WritableAsync(MotherId ?? Input.MotherId ?? 0, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        var rows = Input.Children.ToList();
        while (rows.Count < ChildRows) rows.Add(new ChildInput());
        Input = Input with { Children = rows };
        return Page();
    }
}
