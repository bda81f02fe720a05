using System.Net;
using FamilyPlanning.Core.Indicators.Ledger;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Ledger;

/// <summary>
/// Issue 15: the ledger answers the dashboard and moves with every committed write (no cache to invalidate); a damaged
/// ledger is found by verify-ledger's comparison, named by township, month and count, and rebuild-ledger repairs it.
/// </summary>
public class LedgerRepairTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    [Fact]
    public async Task Write_ThenDashboard_ShowsTheNewFigureAtOnce_AndTheLedgerHoldsIt()
    {
        var (woman, _, _) = await _given.MotherAsync(new DateOnly(1992, 3, 1));
        var county = await SignInAsync("county");
        Assert.Equal("0", await IndicatorApi.FigureAsync(county, "2026-03", "births"));
        var clerk = await SignInAsync("clerk01");
        using var registered = await Forms.PostAsync(clerk, $"/Births/Register?motherId={woman}", new()
        {
            ["Input.MotherId"] = woman.ToString(),
            ["Input.BirthDate"] = "2026-03-10",
            ["Input.ReportedOn"] = "2026-03-12",
            ["Input.Children[0].Name"] = "新生",
            ["Input.Children[0].Sex"] = nameof(Sex.Female),
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        // No fold has run necessarily: the unfolded delta is part of the answer.
        Assert.Equal("1", await IndicatorApi.FigureAsync(county, "2026-03", "births"));
        Assert.Equal(1, await Portal.ScalarAsync<long>(
            $"SELECT sum(delta) FROM ledger_entries WHERE measure = {(int)Measure.Births} AND date = '2026-03-10'"));
    }

    [Fact]
    public async Task DamagedLedger_VerifyNamesTheDifference_RebuildRepairsIt()
    {
        var (woman, _, _) = await _given.MotherAsync(new DateOnly(1990, 6, 1));
        await _given.Db(async db =>
        {
            db.ContraceptiveEvents.Add(new Core.Contraception.ContraceptiveEvent
            {
                WomanId = woman,
                TownshipCode = Given.Longmen,
                VillageCode = Given.LongmenVillage,
                Type = Core.Contraception.ContraceptiveType.IudInsertion,
                Date = new DateOnly(2025, 4, 10),
                Institution = Core.Contraception.Institution.TownshipClinic,
            });
            return await db.SaveChangesAsync();
        });
        await LedgerCheck.FoldAsync(Portal);
        Assert.Empty(await LedgerCheck.MonthsAsync(Portal, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 1)));

        // Damage: the April procedure disappears from the monthly sums (as a lost write would).
        await Portal.ScalarAsync<long>(
            $"UPDATE ledger_months SET flow = flow - 1 WHERE measure = {(int)Measure.Procedures} AND month = '2025-04-01' RETURNING 1");
        var differences = await LedgerCheck.MonthsAsync(Portal, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 1));
        Assert.Equal([$"{Given.Longmen} 2025-04 Procedures[IudInsertion]: 台账 0，登记簿 1"], differences);

        await LedgerMaintenance.RebuildAsync(Portal.ConnectionString, default);
        Assert.Empty(await LedgerCheck.MonthsAsync(Portal, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 1)));
    }
}
