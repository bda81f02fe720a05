using System.Diagnostics;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyPlanning.Web.Tests.Ledger;

/// <summary>
/// Issue 15: twenty clerks' writes at once in one village never wait for one another's ledger rows (writers only append
/// rows of their own), and afterwards the ledger still equals the register scan.
/// </summary>
[Trait("Category", "DateIndependent")] // sizes, faults and exposure: ./test.sh runs it at the default clock only
public class LedgerConcurrencyTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    [Fact]
    public async Task TwentyWritersInOneVillage_NoneWaitsForALock_ThenLedgerEqualsRegisterScan()
    {
        var women = new List<long>();
        for (var i = 0; i < 20; i++)
            women.Add((await _given.MotherAsync(new DateOnly(1990, 1, 1).AddDays(i * 17), name: $"并发{i}")).woman);

        using var stop = new CancellationTokenSource();
        var waits = new List<string>();
        var sampler = Task.Run(async () =>
        {
            await using var conn = await Portal.OpenAsync();
            // Row, transaction and advisory lock waits: what a shared counter row (or a ledger lock) would show.
            await using var cmd = new NpgsqlCommand("""
                SELECT string_agg(locktype || ' ' || mode, ', ') FROM pg_locks
                WHERE NOT granted AND locktype IN ('tuple', 'transactionid', 'advisory', 'relation')
                """, conn);
            var samples = 0;
            while (!stop.IsCancellationRequested)
            {
                if (await cmd.ExecuteScalarAsync() is string waiting) waits.Add(waiting);
                samples++;
                await Task.Delay(5);
            }
            return samples;
        });

        var watch = Stopwatch.StartNew();
        var writes = await Task.WhenAll(women.Select(woman => Task.Run(async () =>
        {
            var done = 0;
            var day = new DateOnly(2024, 1, 1);
            ContraceptiveType[] cycle = [ContraceptiveType.Condom, ContraceptiveType.Pill, ContraceptiveType.MethodStopped];
            while (watch.Elapsed < TimeSpan.FromSeconds(4))
            {
                using var acting = ActingUser.As(ActingUser.ClerkOf(Given.Longmen));
                using var scope = Portal.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ContraceptionService>().RecordAsync(new RecordContraception
                {
                    WomanId = woman,
                    Type = cycle[done % cycle.Length],
                    Date = day = day.AddDays(3),
                    Institution = Institution.TownshipClinic,
                }, default);
                done++;
            }
            return done;
        })));
        await stop.CancelAsync();
        var samples = await sampler;

        Assert.True(writes.All(w => w >= 5), "every writer made progress: " + string.Join(", ", writes));
        // Not a vacuous look: on a loaded 2-core machine the 5 ms sampler manages about 50 looks in the 4 s.
        Assert.True(samples >= 20, $"the sampler looked {samples} times");
        Assert.True(waits.Count == 0, $"{waits.Count} of {samples} samples saw a writer waiting: " + string.Join(" | ", waits.Take(10)));

        await LedgerCheck.FoldAsync(Portal);
        Assert.Empty(await LedgerCheck.MonthsAsync(Portal, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 1)));
        Assert.Equal(writes.Sum(), await Portal.ScalarAsync<long>("SELECT count(*) FROM contraceptive_events"));
        Assert.True(await Portal.ScalarAsync<long>(
            $"SELECT count(*) FROM ledger_entries WHERE measure = {(int)Core.Indicators.Ledger.Measure.MarriedWcba}") > 20);
    }
}
