using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Indicators.Ledger;
using FamilyPlanning.Web.Tests.Infrastructure;
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
        return (await scope.ServiceProvider.GetRequiredService<LedgerMaintenance>().CompareAsync(periods, default))
            .Select(d => d.ToString()).ToList();
    }

    public static Task FoldAsync(PortalFactory portal) => LedgerMaintenance.FoldAsync(portal.ConnectionString, default);

    /// <summary>How many (township, measure, key, date) sums differ between the incremental ledger and a rebuild.</summary>
    public static async Task<long> EntriesFingerprintAsync(PortalFactory portal) =>
        await portal.ScalarAsync<long>("""
            SELECT coalesce(sum(hashtext(township_code || measure || '/' || key || '/' || date || '/' || s)), 0)
            FROM (SELECT township_code, measure, key, date, sum(delta) s FROM ledger_entries GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0) x
            """);
}
