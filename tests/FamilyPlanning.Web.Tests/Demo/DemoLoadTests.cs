using System.Net;
using FamilyPlanning.Core.Demo;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Demo;

public class DemoLoadTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Load_DemoCounty_CopiesEveryRowAndTheRegistersKeepWorking()
    {
        var data = DemoGenerator.Generate(DemoPlaces.Build(), 1, new DateOnly(2026, 6, 30));
        await using (var conn = await Portal.OpenAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await DemoLoader.LoadAsync(conn, data, CancellationToken.None);
            await tx.CommitAsync();
        }

        Assert.Equal(data.Persons.Count, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons"));
        Assert.Equal(data.Households.Count, await Portal.ScalarAsync<long>("SELECT count(*) FROM households"));
        Assert.Equal(data.Women.Count, await Portal.ScalarAsync<long>("SELECT count(*) FROM women"));
        Assert.Equal(data.Births.Count, await Portal.ScalarAsync<long>("SELECT count(*) FROM births"));
        Assert.Equal(data.Events.Count, await Portal.ScalarAsync<long>("SELECT count(*) FROM contraceptive_events"));
        Assert.Equal(data.Beneficiaries.Count, await Portal.ScalarAsync<long>("SELECT count(*) FROM beneficiaries"));
        Assert.Equal(data.Reviews.Count, await Portal.ScalarAsync<long>("SELECT count(*) FROM annual_reviews"));
        Assert.Equal(data.Runs.Sum(r => r.Lines.Count), await Portal.ScalarAsync<long>("SELECT count(*) FROM payment_lines"));
        Assert.Equal(data.Runs.Sum(r => r.Lines.Sum(l => l.Amount)), await Portal.ScalarAsync<decimal>("SELECT sum(amount) FROM payment_lines"));
        Assert.Equal(data.Targets.Count, await Portal.ScalarAsync<long>("SELECT count(*) FROM targets"));
        Assert.True(await Portal.ScalarAsync<long>("SELECT last_value FROM register_ids") >= data.MaxId);

        // A clerk works on top of the loaded county: lists page, and a new record saves without colliding with a copied id.
        var clerk = await SignInAsync("clerk01");
        var women = await Forms.GetHtmlAsync(clerk, "/Women");
        Assert.Equal(50, women.QuerySelectorAll("#rows tbody tr").Length);
        var response = await Forms.PostAsync(clerk, "/Households/Create", new()
        {
            ["Input.Number"] = "NEW-1",
            ["Input.VillageCode"] = Given.LongmenVillage,
            ["Input.HeadName"] = "新户主",
            ["Input.HukouType"] = "NonAgricultural",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(data.Households.Count + 1, await Portal.ScalarAsync<long>("SELECT count(*) FROM households"));
    }
}
