using FamilyPlanning.Core.Monthly;
using FamilyPlanning.Core.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Monthly;

public class IndexModel(MonthlyReportService reports) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int Year { get; set; }
    public List<Completeness> Rows { get; private set; } = [];
    public List<DateOnly> Overdue { get; private set; } = [];
    public DateOnly Today => reports.Today;
    public DateOnly? Latest { get; private set; }
    public int Due { get; private set; }
    public int Done { get; private set; }
    public List<string> Missing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Year == 0) Year = Today.AddMonths(-1).Year;
        Rows = await reports.CompletenessAsync(Year, ct);
        var scope = UserScope.From(User);
        if (scope.IsClerk && scope.TownshipCode is { } own) Overdue = await reports.OverdueAsync(own, ct);
        // 应报/已报/未报 for the latest month whose deadline has passed (or the latest month shown).
        Latest = Rows.FirstOrDefault()?.Months.LastOrDefault(m => m.Deadline < Today)?.Month ?? Rows.FirstOrDefault()?.Months.LastOrDefault()?.Month;
        if (Latest is { } month)
        {
            var statuses = Rows.Select(r => (r.TownshipName, status: r.Months.First(m => m.Month == month).Status)).ToList();
            Due = statuses.Count;
            Done = statuses.Count(s => s.status is ReportStatus.Submitted or ReportStatus.Approved);
            Missing = statuses.Where(s => s.status is not (ReportStatus.Submitted or ReportStatus.Approved)).Select(s => s.TownshipName).ToList();
        }
    }
}
