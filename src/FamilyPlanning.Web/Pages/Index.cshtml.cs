using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages;

public class IndexModel(PlaceService places, IndicatorService indicators, FamilyPlanning.Core.Monthly.MonthlyReportService monthly,
    TimeProvider clock) : PageModel
{
    public DateOnly Today => FamilyPlanning.Core.Common.ChinaTime.Today(clock);
    public string DisplayName { get; private set; } = "";
    public string RoleName { get; private set; } = "";
    public string CountyName { get; private set; } = "";
    public string? TownshipName { get; private set; }
    /// <summary>A clerk's home shows their township's figures for the current half-year.</summary>
    public IndicatorReport? Report { get; private set; }
    public List<DateOnly> Overdue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = UserScope.From(User);
        DisplayName = User.FindFirst(FpClaims.DisplayName)?.Value ?? scope.UserName;
        RoleName = string.Join("、", scope.Roles.Select(Roles.ChineseName));
        CountyName = (await places.CountyAsync(ct))?.Name ?? "尚未建立县级单位";
        if (scope.TownshipCode is not null)
            TownshipName = (await places.TownshipsAsync(ct)).FirstOrDefault(t => t.Code == scope.TownshipCode)?.Name;
        if (scope.IsClerk && scope.TownshipCode is not null)
        {
            Report = await indicators.ReportAsync(await indicators.PeriodAsync(null, null, null, ct), scope.TownshipCode, ct);
            Overdue = await monthly.OverdueAsync(scope.TownshipCode, ct);
        }
    }
}
