using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Monthly;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Reports;

/// <summary>Builds a summary for the county or one township and a half-year or year, from the same
/// <see cref="IndicatorService"/> as the dashboard and the API, so the three can never disagree.</summary>
public sealed class HalfYearSummaryService(AppDbContext db, ICurrentUser current, IndicatorService indicators)
{
    /// <summary><paramref name="area"/>: "county" or a township's 12-digit code; <paramref name="part"/>: H1, H2 or Y.</summary>
    public async Task<HalfYearSummary> BuildAsync(string area, int year, string part, CancellationToken ct)
    {
        var isCounty = area == "county";
        if (isCounty && !current.Scope.ReadsWholeCounty) throw new NotFoundOrForbidden("县级总结");
        var period = await indicators.PeriodAsync(PeriodCode(year, part), null, null, ct);
        var report = await indicators.ReportAsync(period, isCounty ? "all" : area, ct);
        var county = await db.Counties.AsNoTracking().OrderBy(c => c.Code).FirstAsync(ct);
        var township = isCounty ? null : await db.Townships.AsNoTracking().FirstAsync(t => t.Code == area, ct);
        var areaName = isCounty ? county.Name : township!.Name;
        var whole = HalfYearSummary.WholeOf(isCounty, township?.Kind);
        return new HalfYearSummary(county.Name, areaName, isCounty, township?.Kind, report,
            HalfYearSummary.ParagraphFor(report.Total, whole, period.To), await DataQualityAsync(report, ct));
    }

    /// <summary>The period code of a summary (<paramref name="part"/>: H1, H2 or Y): what its narrative and archive are filed under.</summary>
    public static string PeriodCode(int year, string part)
    {
        Period.CheckYear(year);
        return part switch
        {
            "H1" => $"{year}H1",
            "H2" => $"{year}H2",
            "Y" => $"{year}",
            _ => throw new RuleViolation("part", "请选择上半年、下半年或全年"),
        };
    }

    /// <summary>What a reader should know about the figures: months not yet approved, and births reported late.</summary>
    private async Task<string> DataQualityAsync(IndicatorReport report, CancellationToken ct)
    {
        var codes = report.Townships.Select(t => t.Code).ToList();
        var months = report.Period.Months().Where(m => m.AddMonths(1) <= report.Period.To.AddDays(1)).ToList();
        var approved = await db.MonthlyReports.AsNoTracking()
            .CountAsync(r => codes.Contains(r.TownshipCode) && months.Contains(r.Month) && r.Status == ReportStatus.Approved, ct);
        var expected = codes.Count * months.Count;
        var late = report.Total[Catalogue.LateReports].Text;
        return approved == expected
            ? $"本期{expected}份乡镇月报均已审核；补报出生{late}人，已计入相应月份。"
            : $"本期应审核乡镇月报{expected}份，已审核{approved}份，其余月份的数据可能仍有变动；补报出生{late}人，已计入相应月份。";
    }
}
