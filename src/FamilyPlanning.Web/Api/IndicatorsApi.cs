using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Security;

namespace FamilyPlanning.Web.Api;

/// <summary>GET /api/indicators?period=2026H1&amp;township=371426100000|all (or from=&amp;to=): the dashboard's figures as JSON,
/// with the same authorization and township scope as the pages.</summary>
public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/indicators", async (string? period, string? township, DateOnly? from, DateOnly? to, IndicatorService indicators,
                CancellationToken ct) =>
            {
                try
                {
                    var p = await indicators.PeriodAsync(period, from, to, ct);
                    var report = await indicators.ReportAsync(p, township, ct);
                    return Results.Ok(new
                    {
                        period = Describe(report.Period),
                        lastYear = Describe(report.LastYearPeriod),
                        total = Area(report.Total),
                        townships = report.Townships.Count > 1 ? report.Townships.Select(Area) : [],
                        months = report.Months.Select(m => new
                        {
                            month = m.Month.ToString("yyyy-MM"),
                            m.Births,
                            m.Boys,
                            m.Girls,
                            m.Compliant,
                            sexRatio = m.SexRatio,
                            plannedBirthRate = m.PlannedBirthRate,
                        }),
                    });
                }
                catch (RuleViolation e)
                {
                    return Results.BadRequest(new { error = e.Message, field = e.Field });
                }
                catch (NotFoundOrForbidden e)
                {
                    return Results.NotFound(new { error = e.Message });
                }
            })
            .RequireAuthorization(Policies.Indicators);

    private static object Describe(Period p) => new { code = p.Code, name = p.Name, from = p.From, to = p.To };

    private static object Area(AreaIndicators u) => new
    {
        code = u.Code,
        name = u.Name,
        indicators = u.Figures.ToDictionary(f => f.Key, f => new
        {
            name = f.Name,
            value = f.Value,
            text = f.Text,
            flag = f.Flag,
            lastYear = u.Last(f.Indicator).Value,
            lastYearText = u.Last(f.Indicator).Text,
        }),
    };
}
