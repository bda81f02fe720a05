using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Indicators.Ledger;
using FamilyPlanning.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Indicators;

public sealed record AreaIndicators(string Code, string Name, IndicatorCounts Counts, List<Figure> Figures, List<Figure> LastYear)
{
    public Figure this[Indicator indicator] => Figures.First(f => f.Indicator == indicator);
    public Figure Last(Indicator indicator) => LastYear.First(f => f.Indicator == indicator);
}

public sealed record MonthRow(DateOnly Month, long Births, long Boys, long Girls, long Compliant)
{
    private FigureInputs Inputs => new(new IndicatorCounts { Births = Births, Boys = Boys, Girls = Girls, Compliant = Compliant }, null, false, null);
    public decimal? SexRatio => Catalogue.SexRatio.Evaluate(Inputs).Value;
    public decimal? PlannedBirthRate => Catalogue.PlannedBirthRate.Evaluate(Inputs).Value;
}

public sealed record IndicatorReport(Period Period, Period LastYearPeriod, AreaIndicators Total, List<AreaIndicators> Townships,
    List<MonthRow> Months, List<(string code, string name, decimal? plannedRate)> PlannedByTownship);

/// <summary>Every indicator of docs/domain.md §4 for the townships a user may read (one, several or all), for any period, with
/// the same period last year. The dashboard, the JSON API and the PDF reports all come through here.</summary>
public sealed class IndicatorService(AppDbContext db, ICurrentUser current, TimeProvider clock, IndicatorQuery query,
    LedgerQuery ledger, SettingsService settings)
{
    public async Task<Period> PeriodAsync(string? code, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        return Period.Parse(string.IsNullOrWhiteSpace(code) && from is null ? Period.CurrentHalf(ChinaTime.Today(clock), s.YearStartMonth) : code,
            s.YearStartMonth, from, to);
    }

    /// <summary><paramref name="township"/>: a 12-digit code, or null/"all" for every township the user reads.</summary>
    public async Task<IndicatorReport> ReportAsync(Period period, string? township, CancellationToken ct)
    {
        var chosen = await ChosenAsync(period, township, ct);
        return await ComputeAsync(period, chosen, ct);
    }

    private async Task<List<(string Code, string Name)>> ChosenAsync(Period period, string? township, CancellationToken ct)
    {
        var scope = current.Scope;
        var readable = await scope.Readable(db.Townships.AsNoTracking(), t => t.Code)
            .Where(t => t.AbolishedOn == null || t.AbolishedOn > period.From)
            .OrderBy(t => t.Code).Select(t => new { t.Code, t.Name }).ToListAsync(ct);
        if (readable.Count == 0) throw new NotFoundOrForbidden("乡镇");
        var chosen = string.IsNullOrWhiteSpace(township) || township == "all"
            ? readable
            : readable.Where(t => t.Code == township).ToList() is { Count: 1 } one ? one : throw new NotFoundOrForbidden("乡镇");
        return chosen.Select(t => (t.Code, t.Name)).ToList();
    }

    private async Task<IndicatorReport> ComputeAsync(Period period, List<(string Code, string Name)> chosen, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var codes = chosen.Select(t => t.Code).ToList();
        var s = await settings.GetAsync(ct);
        var last = period.SameLastYear();
        var (now, before, monthly) = await CountsAsync(codes, period, last, s, ct);
        // Targets are per (statistical) year: the one the period ends in, and its pace is the share of that year elapsed.
        var year = Period.YearOf(period.To, s.YearStartMonth);
        var targets = await db.Targets.AsNoTracking().Where(t => codes.Contains(t.TownshipCode) && (t.Year == year || t.Year == year - 1))
            .ToListAsync(ct);
        var share = ElapsedShare(period, s.YearStartMonth);

        AreaIndicators Area(string code, string name, IndicatorCounts c, IndicatorCounts l, Target? t, Target? lt) =>
            new(code, name, c, IndicatorMath.Compute(c, t, s.ExcludeExemptFromPrevalence, share),
                IndicatorMath.Compute(l, lt, s.ExcludeExemptFromPrevalence));

        var rows = chosen.Select(t => Area(t.Code, t.Name, now[t.Code], before[t.Code],
            targets.FirstOrDefault(x => x.TownshipCode == t.Code && x.Year == year),
            targets.FirstOrDefault(x => x.TownshipCode == t.Code && x.Year == year - 1))).ToList();
        var county = await db.Counties.AsNoTracking().OrderBy(c => c.Code).FirstAsync(ct);
        var total = chosen.Count == 1 ? rows[0] : Area(county.Code, county.Name,
            IndicatorCounts.Sum(now.Values), IndicatorCounts.Sum(before.Values),
            Target.Sum(targets.Where(t => t.Year == year), county.Code, year), Target.Sum(targets.Where(t => t.Year == year - 1), county.Code, year - 1));

        var months = period.Months().Select(m =>
        {
            var ms = monthly.Where(x => x.Month == m).ToList();
            return new MonthRow(m, ms.Sum(x => x.Boys + x.Girls), ms.Sum(x => x.Boys), ms.Sum(x => x.Girls), ms.Sum(x => x.Compliant));
        }).ToList();
        var planned = rows.Select(r => (r.Code, r.Name, r[Catalogue.PlannedBirthRate].Value)).ToList();
        PortalMetrics.ReportDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("townships", chosen.Count == 1 ? "one" : "several"));
        return new IndicatorReport(period, last, total, rows, months, planned);
    }

    /// <summary>The counts of the period and last year's, and the monthly births: from the ledger (one statement), or for a
    /// period before the ledger's first month by scanning the registers.</summary>
    private async Task<(Dictionary<string, IndicatorCounts>, Dictionary<string, IndicatorCounts>, List<MonthlyBirths>)> CountsAsync(
        List<string> codes, Period period, Period last, PortalSettings s, CancellationToken ct)
    {
        if (LedgerQuery.Covers(last))
        {
            var answer = await ledger.CountsAsync(codes, [period, last], s.ReportDeadlineDay, s.YearStartMonth, ct);
            return (answer.Periods[0], answer.Periods[1], answer.Months);
        }
        var now = await query.CountsAsync(codes, period, s.ReportDeadlineDay, s.YearStartMonth, ct);
        var before = await query.CountsAsync(codes, last, s.ReportDeadlineDay, s.YearStartMonth, ct);
        return (now, before, await query.MonthlyBirthsAsync(codes, period, ct));
    }

    /// <summary>How much of the target year has passed by the period's end (or today), for the births-ahead-of-pace flag.</summary>
    private decimal ElapsedShare(Period p, int yearStartMonth)
    {
        var yearStart = Period.YearStart(Period.YearOf(p.To, yearStartMonth), yearStartMonth);
        var end = p.To < ChinaTime.Today(clock) ? p.To : ChinaTime.Today(clock);
        return Math.Clamp((end.DayNumber - yearStart.DayNumber + 1) / (decimal)(yearStart.AddYears(1).DayNumber - yearStart.DayNumber), 0, 1);
    }
}
