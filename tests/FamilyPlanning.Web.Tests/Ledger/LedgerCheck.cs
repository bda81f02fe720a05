using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Indicators.Ledger;
using FamilyPlanning.Core.Settings;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPlanning.Web.Tests.Ledger;

/// <summary>Compares the ledger with the register scan: every township × month × count (the <c>verify-ledger</c> verb's
/// code), and arbitrary periods (partial months, half-years) the same way.</summary>
public static class LedgerCheck
{
    public static async Task<List<string>> MonthsAsync(PortalFactory portal, DateOnly from, DateOnly to)
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<LedgerMaintenance>().VerifyAsync(from, to, default))
            .Select(d => d.ToString()).ToList();
    }

    public static async Task<List<string>> PeriodsAsync(PortalFactory portal, IReadOnlyList<Period> periods)
    {
        using var scope = portal.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var s = await sp.GetRequiredService<SettingsService>().GetAsync(default);
        var townships = await sp.GetRequiredService<AppDbContext>().Townships.Select(t => t.Code).OrderBy(c => c).ToListAsync();
        var ledger = await sp.GetRequiredService<LedgerQuery>().CountsAsync(townships, periods, s.ReportDeadlineDay, s.YearStartMonth, default);
        var differences = new List<string>();
        for (var i = 0; i < periods.Count; i++)
        {
            var scanned = await sp.GetRequiredService<IndicatorQuery>().CountsAsync(townships, periods[i], s.ReportDeadlineDay, s.YearStartMonth, default);
            foreach (var t in townships)
            {
                var (a, b) = (ledger.Periods[i][t].Named(), scanned[t].Named());
                differences.AddRange(a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
                    .Select(k => $"{t} {periods[i].From}–{periods[i].To} {k}: 台账 {a.GetValueOrDefault(k)}，登记簿 {b.GetValueOrDefault(k)}"));
            }
        }
        return differences;
    }

    public static Task FoldAsync(PortalFactory portal) => LedgerMaintenance.FoldAsync(portal.ConnectionString, default);

    /// <summary>How many (township, measure, key, date) sums differ between the incremental ledger and a rebuild.</summary>
    public static async Task<long> EntriesFingerprintAsync(PortalFactory portal) =>
        await portal.ScalarAsync<long>("""
            SELECT coalesce(sum(hashtext(township_code || measure || '/' || key || '/' || date || '/' || s)), 0)
            FROM (SELECT township_code, measure, key, date, sum(delta) s FROM ledger_entries GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0) x
            """);
}
