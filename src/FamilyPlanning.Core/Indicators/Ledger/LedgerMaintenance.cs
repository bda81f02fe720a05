using System.Diagnostics;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPlanning.Core.Indicators.Ledger;

/// <summary>One count that the ledger and the register scan disagree on, for a township and a period.</summary>
public sealed record LedgerDifference(string Township, Period Period, string Count, decimal Ledger, decimal Registers)
{
    private string When => Period.From.Day == 1 && Period.To == Period.From.AddMonths(1).AddDays(-1)
        ? $"{Period.From:yyyy-MM}" : $"{Period.From:yyyy-MM-dd}–{Period.To:yyyy-MM-dd}";

    public override string ToString() => $"{Township} {When} {Count}: 台账 {Ledger}，登记簿 {Registers}";
}

/// <summary>Folding, rebuilding and verifying the ledger (the <c>verify-ledger</c> and <c>rebuild-ledger</c> verbs, the
/// background folder and the tests).</summary>
public sealed class LedgerMaintenance(AppDbContext db, IndicatorQuery registers, LedgerQuery ledger, SettingsService settings)
{
    /// <summary>Moves committed deltas into the daily and monthly sums; the number of rows folded, −1 when another
    /// process was folding.</summary>
    public static async Task<long> FoldAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT ledger_fold()", conn) { CommandTimeout = 600 };
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Rebuilds the ledger from the registers (needs the owner's connection: it truncates the ledger's tables).</summary>
    public static async Task<(long Entries, TimeSpan Took)> RebuildAsync(string ownerConnectionString, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(ownerConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT ledger_rebuild()", conn) { CommandTimeout = 3600 };
        var entries = (long)(await cmd.ExecuteScalarAsync(ct))!;
        return (entries, watch.Elapsed);
    }

    /// <summary>Compares the ledger with the register scan for every township (abolished ones too) and every month from
    /// <paramref name="from"/> to <paramref name="to"/> (month starts), count by count.</summary>
    public async Task<List<LedgerDifference>> VerifyAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        var months = new List<Period>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
            if (Period.Parse($"{m:yyyy-MM}", s.YearStartMonth) is var p && LedgerQuery.Covers(p)) months.Add(p);
        return await CompareAsync(months, ct);
    }

    /// <summary>The same comparison for any periods the ledger covers (partial months, half-years, …).</summary>
    public async Task<List<LedgerDifference>> CompareAsync(IReadOnlyList<Period> periods, CancellationToken ct)
    {
        var s = await settings.GetAsync(ct);
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.Code).Select(t => t.Code).ToListAsync(ct);
        var fromLedger = (await ledger.CountsAsync(townships, periods, s.ReportDeadlineDay, s.YearStartMonth, ct)).Periods;
        var differences = new List<LedgerDifference>();
        for (var i = 0; i < periods.Count; i++)
        {
            var scanned = await registers.CountsAsync(townships, periods[i], s.ReportDeadlineDay, s.YearStartMonth, ct);
            foreach (var t in townships)
            {
                var (a, b) = (fromLedger[i][t].Named(), scanned[t].Named());
                foreach (var name in a.Keys.Union(b.Keys).Order())
                    if (a.GetValueOrDefault(name) != b.GetValueOrDefault(name))
                        differences.Add(new(t, periods[i], name, a.GetValueOrDefault(name), b.GetValueOrDefault(name)));
            }
        }
        return differences;
    }
}
