using System.Net;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>The database goes away and comes back; two people save the same record at once.</summary>
[Trait("Category", "DateIndependent")] // sizes, faults and exposure: ./test.sh runs it at the default clock only
public class ReliabilityTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task DatabaseDown_ClearChineseErrorNothingWritten_AppRecoversWhenItReturns()
    {
        var clerk = await SignInAsync("clerk01");
        var form = await Forms.GetHtmlAsync(clerk, "/Households/Create");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await Portal.ScalarAsync<long>("SELECT count(*) FROM households");

        // The throwaway server commits asynchronously (synchronous_commit off), so an immediate stop would also lose the last
        // few commits of earlier steps (the users restored by the reset): write them out first, as a durable server would have.
        await Portal.ScalarAsync<int>("CHECKPOINT; SELECT 1");
        Portal.Database.Interrupt();
        HttpResponseMessage page, post;
        try
        {
            page = await clerk.GetAsync("/Persons");
            post = await clerk.PostAsync("/Households/Create", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Number"] = "DOWN-1",
                ["Input.VillageCode"] = Given.LongmenVillage,
                ["Input.HeadName"] = "断线",
                ["Input.HukouType"] = "Agricultural",
            }));
        }
        finally
        {
            Portal.Database.Resume();
        }

        foreach (var response in new[] { page, post })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("系统暂时无法连接数据库，本次操作没有保存任何数据", html);
            Assert.DoesNotContain("Npgsql", html);
        }
        Assert.Equal(before, await Portal.ScalarAsync<long>("SELECT count(*) FROM households"));

        // Back: the same session works at once, and the same form now saves.
        var back = await clerk.GetAsync("/Persons");
        Assert.True(back.StatusCode == HttpStatusCode.OK, $"after the database returned: {(int)back.StatusCode} {back.Headers.Location}");
        var saved = await Forms.PostAsync(clerk, "/Households/Create", new()
        {
            ["Input.Number"] = "DOWN-1",
            ["Input.VillageCode"] = Given.LongmenVillage,
            ["Input.HeadName"] = "断线",
            ["Input.HukouType"] = "Agricultural",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT count(*) FROM households WHERE number = 'DOWN-1'"));
    }

    [Fact]
    public async Task TwoClerksSaveTheSameRecordAtOnce_OneWinsTheOtherIsToldNothingLost()
    {
        var given = new Given(Portal);
        var household = await given.HouseholdAsync();
        var person = await given.PersonAsync(household, "王同时", Sex.Male, new DateOnly(1980, 1, 1), withId: false, relation: Relation.Head);
        var a = await SignInAsync("clerk01");
        var b = await SignInAsync("clerk01");
        async Task<Func<Task<HttpResponseMessage>>> Read(HttpClient client, string name)
        {
            var page = await Forms.GetHtmlAsync(client, $"/Persons/Edit/{person}");
            var fields = PersonForm.Head(name);
            fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            fields["Version"] = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
            return () => client.PostAsync($"/Persons/Edit/{person}", new FormUrlEncodedContent(fields));
        }

        // Both open the form (same version) before either saves, then both save at the same moment.
        var saveA = await Read(a, "王甲");
        var saveB = await Read(b, "王乙");
        var results = await Task.WhenAll(saveA(), saveB());

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("该记录已被他人修改", await loser.Content.ReadAsStringAsync());
        var name = await Portal.ScalarAsync<string>($"SELECT name FROM persons WHERE id = {person}");
        Assert.Contains(name, new[] { "王甲", "王乙" });
        Assert.Equal(1, await Portal.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE entity = 'Person' AND entity_key = '{person}' AND action = 2"));
    }
}
