using System.Text.Json;
using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Dashboard;

/// <summary>The indicator cache must never show figures older than the last committed write, by any route.</summary>
public class IndicatorCacheTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private static async Task<long> BirthsAsync(HttpClient client, string period)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators?period={period}"));
        return doc.RootElement.GetProperty("total").GetProperty("indicators").GetProperty("births").GetProperty("value").GetInt64();
    }

    private Task<long> VersionAsync() => Portal.ScalarAsync<long>("SELECT version FROM register_version");

    [Fact]
    public async Task GetIndicators_AfterAWriteByAnyRoute_ShowsIt()
    {
        var (woman, _, _) = await _given.MotherAsync(new DateOnly(1994, 4, 4));
        var day = Given.Today.AddDays(-Given.Today.Day + 1);
        var period = $"{day.Year}";
        var county = await SignInAsync("county");
        Assert.Equal(0, await BirthsAsync(county, period));
        Assert.Equal(0, await BirthsAsync(county, period));   // now cached

        // Through EF Core (as the pages write)…
        await _given.Db(async db =>
        {
            var mother = await db.Women.FindAsync(woman);
            var child = new Person
            {
                Name = "缓存一",
                Sex = Sex.Male,
                BirthDate = day,
                HouseholdId = 0,
                VillageCode = mother!.VillageCode,
                TownshipCode = mother.TownshipCode,
                Relation = Relation.Son
            };
            child.HouseholdId = (await db.Persons.FindAsync(mother.PersonId))!.HouseholdId;
            db.Persons.Add(child);
            db.Births.Add(new Birth
            {
                Child = child,
                MotherId = woman,
                TownshipCode = mother.TownshipCode,
                VillageCode = mother.VillageCode,
                Sex = Sex.Male,
                BirthDate = day,
                DeliveryId = Guid.NewGuid(),
                Parity = 1,
                PolicyStatus = PolicyStatus.Compliant,
                ReportedOn = day
            });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await BirthsAsync(county, period));

        // …and by plain SQL outside the app (a DBA's fix, a restore): the trigger sees it as well.
        await Portal.ScalarAsync<int>("WITH d AS (DELETE FROM births RETURNING 1) SELECT count(*)::int FROM d");
        Assert.Equal(0, await BirthsAsync(county, period));
    }

    [Fact]
    public async Task RegisterVersion_GoesUpOncePerTransaction_NotPerRow()
    {
        var before = await VersionAsync();
        var clerk = await SignInAsync("clerk01");
        var t = FamilyPlanning.Core.Imports.ImportTemplates.Persons;
        var response = await Forms.UploadAsync(clerk, "/Imports", new() { ["Kind"] = t.Slug }, "Upload", "p.csv",
            Imports.ImportFiles.Utf8Bom(Imports.ImportFiles.CsvText(t, Imports.ImportFiles.Couples(50))));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(100, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id WHERE h.number LIKE 'IMP%'"));
        Assert.Equal(before + 1, await VersionAsync());
    }
}
