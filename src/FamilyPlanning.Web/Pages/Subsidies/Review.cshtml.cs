using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Subsidies;

public class ReviewModel(AnnualReviewService reviews, PlaceService places, TimeProvider clock) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public string? Township { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty] public ReviewDecision Decision { get; set; } = new();

    public List<ReviewRow> Rows { get; private set; } = [];
    public ReviewCounts Counts { get; private set; } = new(0, 0, 0, 0);
    public List<TownshipRow> Townships { get; private set; } = [];
    public string TownshipName { get; private set; } = "";
    public bool CanWrite { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostDecideAsync(long beneficiaryId, CancellationToken ct) => Attempt(async () =>
    {
        await reviews.DecideAsync(beneficiaryId, Year == 0 ? ChinaTime.Today(clock).Year : Year,
            Decision with { Continues = Decision.ExitReason is null }, ct);
        TempData["Message"] = Decision.ExitReason is null ? "已确认继续享受" : "已办理退出";
        return RedirectToPage("Review", new { township = Township, year = Year });
    }, nameof(Decision), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        var scope = UserScope.From(User);
        if (Year == 0) Year = ChinaTime.Today(clock).Year;
        Townships = (await places.TownshipsAsync(ct)).Where(t => scope.CanRead(t.Code)).ToList();
        Township ??= scope.TownshipCode ?? Townships.FirstOrDefault()?.Code;
        if (Township is null || !scope.CanRead(Township)) return NotFound();
        if (Townships.FirstOrDefault(t => t.Code == Township) is not { } township) return NotFound();
        TownshipName = township.Name;
        CanWrite = scope.CanWrite(Township);
        Rows = await reviews.ListAsync(Township, Year, ct);
        Counts = await reviews.CountsAsync(Township, Year, ct);
        return Page();
    }
}
