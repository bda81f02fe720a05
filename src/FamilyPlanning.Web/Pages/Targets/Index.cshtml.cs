using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Targets;

public class IndexModel(TargetService targets, TimeProvider clock) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty] public List<TargetInput> Input { get; set; } = [];

    public List<TargetRow> Rows { get; private set; } = [];
    public bool CanEdit => UserScope.From(User).Roles.Contains(Roles.CountyStaff);

    public sealed record TargetInput
    {
        public string TownshipCode { get; init; } = "";
        public int? BirthTarget { get; init; }
        public decimal? PlannedBirthRateTarget { get; init; }
        public decimal? SexRatioCeiling { get; init; }
        public int? SterilisationTask { get; init; }
        public int? IudTask { get; init; }
        public int? AbortionTask { get; init; }
        public int? InducedLabourTask { get; init; }
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await targets.SaveAsync(Year, Input.Select(i => new Target
        {
            TownshipCode = i.TownshipCode,
            Year = Year,
            BirthTarget = i.BirthTarget,
            PlannedBirthRateTarget = i.PlannedBirthRateTarget,
            SexRatioCeiling = i.SexRatioCeiling,
            SterilisationTask = i.SterilisationTask,
            IudTask = i.IudTask,
            AbortionTask = i.AbortionTask,
            InducedLabourTask = i.InducedLabourTask,
        }).ToList(), ct);
        TempData["Message"] = $"已保存{Year}年目标";
        return RedirectToPage(new { year = Year });
    }, "", () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        if (Year == 0) Year = ChinaTime.Today(clock).Year;
        Rows = await targets.ForYearAsync(Year, ct);
        return Page();
    }
}
