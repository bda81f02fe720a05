using System.Diagnostics;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Demo;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Reports;
using FamilyPlanning.Core.Reports.Pdf;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPlanning.Bench;

public sealed record SeedFigures(long Rows, int Persons, double GenerateSeconds, double LoadSeconds, double TotalSeconds);
public sealed record PdfFigures(string Unit, Timing Time, long Bytes, Timing IndicatorTime);
public sealed record ImportFigures(int Rows, Timing Import, Timing Copy, int Created);

public sealed record LedgerFigures(double RebuildSeconds, long Entries, long Months, long Days);

public sealed record ScaleFigures(int Scale, SeedFigures Seed, LedgerFigures Ledger, Timing Indicators, Timing Baseline,
    List<string> Differences, List<PdfFigures> Pdfs, ImportFigures Import, Timing DashboardSingle, Timing DashboardBurst,
    List<WrkResult> Wrk);

/// <summary>One scale of the bench: a throwaway PostgreSQL, the demo county seeded at that scale, then every measurement.</summary>
public sealed class ScaleRun(int scale, int runs, string webDll, string period)
{
    private const string Longmen = "371426001000";

    public async Task<ScaleFigures> RunAsync()
    {
        using var pg = LocalPostgres.StartThrowaway("fp_bench");
        var user = new BenchUser();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        // No client-side timeout: seeding 10x scale commits millions of rows (and their deferred version triggers) at once.
        builder.AddPortal(new Npgsql.NpgsqlConnectionStringBuilder(pg.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        builder.Services.AddSingleton(user);
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<BenchUser>());
        await using var app = builder.Build();

        Log($"scale {scale}: migrate and seed");
        SeedFigures seed;
        using (var scope = app.Services.CreateScope())
        {
            await DatabaseMigrator.MigrateAsync(pg.ConnectionString, default);
            var watch = Stopwatch.StartNew();
            var r = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(scale, FamilyPlanning.Core.Common.ChinaTime.Today(TimeProvider.System), default);
            seed = new SeedFigures(r.Rows, r.Persons, r.Generate.TotalSeconds, r.Load.TotalSeconds, watch.Elapsed.TotalSeconds);
        }
        GC.Collect();
        await using var conn = new NpgsqlConnection(pg.ConnectionString);
        await conn.OpenAsync();
        Log($"scale {scale}: rebuild-ledger");
        var (_, rebuilt) = await FamilyPlanning.Core.Indicators.Ledger.LedgerMaintenance.RebuildAsync(pg.ConnectionString, default);
        await ImportBench.Exec(conn, "VACUUM ANALYZE");
        var ledger = new LedgerFigures(rebuilt.TotalSeconds, await CountAsync(conn, "ledger_entries"), await CountAsync(conn, "ledger_months"),
            await CountAsync(conn, "ledger_days"));

        user.Scope = new UserScope("bench", "county", new HashSet<string> { Roles.CountyStaff }, null);
        Log($"scale {scale}: indicators");
        Period p, last;
        IndicatorReport? report = null;
        int deadline;
        using (var scope = app.Services.CreateScope())
        {
            var indicators = scope.ServiceProvider.GetRequiredService<IndicatorService>();
            p = await indicators.PeriodAsync(period, null, null, default);
            last = p.SameLastYear();
            deadline = (await scope.ServiceProvider.GetRequiredService<FamilyPlanning.Core.Settings.SettingsService>().GetAsync(default)).ReportDeadlineDay;
        }
        // Every run right after a committed register change (its ledger deltas not yet folded).
        Task Write() => ImportBench.Exec(conn, ImportBench.TouchBirth);
        var appTime = await Timing.MeasureAsync(runs, async () =>
        {
            using var scope = app.Services.CreateScope();
            report = await scope.ServiceProvider.GetRequiredService<IndicatorService>().ReportAsync(p, null, default);
        }, before: Write);
        Dictionary<(int, string), IndicatorCounts> baseline = [];
        var baseTime = await Timing.MeasureAsync(runs, async () => baseline = await IndicatorBaseline.CountsAsync(conn, p, last, deadline));
        var differences = new List<string>();
        foreach (var t in report!.Townships)
        {
            differences.AddRange(IndicatorBaseline.Differences(t.Name, t.Counts, baseline.GetValueOrDefault((0, t.Code)) ?? new()));
        }

        Log($"scale {scale}: PDFs");
        var pdfs = new List<PdfFigures>();
        foreach (var unit in new[] { "county", Longmen })
        {
            long bytes = 0;
            var year = p.To.Year;
            var part = p.Code.EndsWith("H2") ? "H2" : "H1";
            var pdfTime = await Timing.MeasureAsync(Math.Max(3, runs / 2), async () =>
            {
                using var scope = app.Services.CreateScope();
                var summary = await scope.ServiceProvider.GetRequiredService<HalfYearSummaryService>().BuildAsync(unit, year, part, default);
                bytes = SummaryPdf.Render(summary, new Narrative(null, null, null, null, null), null, FamilyPlanning.Core.Common.ChinaTime.Today(TimeProvider.System)).Length;
            }, before: Write);
            var queryTime = unit == "county" ? appTime : await Timing.MeasureAsync(Math.Max(3, runs / 2), async () =>
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IndicatorService>().ReportAsync(p, unit, default);
            }, before: Write);
            pdfs.Add(new PdfFigures(unit == "county" ? "县" : "龙门街道", pdfTime, bytes, queryTime));
        }

        Log($"scale {scale}: import");
        user.Scope = new UserScope("bench-clerk", "clerk01", new HashSet<string> { Roles.TownshipClerk }, Longmen);
        var files = ImportBench.Make("371426001001", FamilyPlanning.Core.Common.ChinaTime.Today(TimeProvider.System));
        var firstAudit = await NextAuditIdAsync(conn);
        var created = 0;
        var importTimes = new List<double>();
        var copyTimes = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            created = 0;
            foreach (var (kind, content) in new[] { (ImportKind.Persons, files.Persons), (ImportKind.Women, files.Women), (ImportKind.Births, files.Births) })
            {
                using var scope = app.Services.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(kind, "bench.csv", content, null, default);
                if (!result.Succeeded)
                    throw new InvalidOperationException($"bench import {kind} failed: " + string.Join("; ", result.Problems.Take(5).Select(x => $"{x.Row} {x.Column} {x.Message}")));
                created += result.Created;
            }
            importTimes.Add(watch.Elapsed.TotalSeconds);
            copyTimes.Add(await ImportBench.RawCopyAsync(conn, firstAudit));
            await ImportBench.CleanAsync(conn, firstAudit);
        }

        // A running portal folds each import's ledger deltas within a second of its commit; this host has no folder, so
        // the imports' (and their clean-up's) deltas are folded here, before the portal under test starts.
        await FamilyPlanning.Core.Indicators.Ledger.LedgerMaintenance.FoldAsync(pg.ConnectionString, default);
        await ImportBench.Exec(conn, "VACUUM ANALYZE ledger_deltas, ledger_days, ledger_months");
        Log($"scale {scale}: HTTP");
        await using var http = new HttpBench(webDll, pg.AppConnectionString, 5098);
        await http.StartAsync();
        var dashboard = $"/Dashboard?period={p.Code}";
        // After a write: a register change committed before each request (its ledger deltas not yet folded).
        var single = await http.SingleAsync(dashboard, Math.Max(3, runs / 2), Write);
        var burst = await http.BurstAsync(dashboard, 10, Math.Max(3, runs / 2), Write);
        var wrk = new List<WrkResult>();
        foreach (var c in new[] { 1, 10 })
        {
            wrk.Add(await http.WrkAsync("/bench/select1", c, 10));
            // The dashboard while a clerk's change is committed every 200 ms.
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                await using var w = new NpgsqlConnection(pg.ConnectionString);
                await w.OpenAsync();
                while (!stop.IsCancellationRequested)
                {
                    await ImportBench.Exec(w, ImportBench.TouchBirth);
                    await Task.Delay(200);
                }
            });
            wrk.Add(await http.WrkAsync(dashboard, c, 15));
            await stop.CancelAsync();
            await writer;
        }
        return new ScaleFigures(scale, seed, ledger, appTime, baseTime, differences, pdfs,
            new ImportFigures(ImportBench.Couples * 2 + ImportBench.Mothers * 2, Summarise(importTimes), Summarise(copyTimes), created),
            single, burst, wrk);
    }

    private static Timing Summarise(List<double> times)
    {
        times.Sort();
        return new Timing(times[times.Count / 2], times[0], times[^1], times.Count);
    }

    private static async Task<long> CountAsync(NpgsqlConnection conn, string table)
    {
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<long> NextAuditIdAsync(NpgsqlConnection conn)
    {
        await using var cmd = new NpgsqlCommand("SELECT coalesce(max(id), 0) + 1 FROM audit_log", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public static void Log(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
}

public sealed class BenchUser : ICurrentUser
{
    public UserScope Scope { get; set; } = UserScope.System;
}
