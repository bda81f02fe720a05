using System.Net;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Admin;

public class PolicyRulesTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Get_Rules_ShowsTheDefaultTable()
    {
        var admin = await SignInAsync("admin");
        var rows = (await Forms.GetHtmlAsync(admin, "/Admin/PolicyRules")).QuerySelectorAll("#rules tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("2016-01-01", rows[1]);
        Assert.Contains("2021-05-31", rows[2]);
    }

    [Fact]
    public async Task Post_NewRule_DecidesLaterBirths()
    {
        var admin = await SignInAsync("admin");
        var duplicate = await Forms.PostAsync(admin, "/Admin/PolicyRules", new() { ["Input.EffectiveFrom"] = "2016-01-01", ["Input.MaxChildren"] = "2" });
        Assert.Contains("2016-01-01 已有规则", await duplicate.Content.ReadAsStringAsync());

        var added = await Forms.PostAsync(admin, "/Admin/PolicyRules", new() { ["Input.EffectiveFrom"] = "2026-01-01", ["Input.MaxChildren"] = "4", ["Input.Note"] = "测试：放开到4孩" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'PolicyRule' AND action = 1"));

        var given = new Given(Portal);
        var (mother, _, _) = await given.MotherAsync(new DateOnly(1988, 1, 1), boys: 2, girls: 1);
        var clerk = await SignInAsync("clerk01");
        await Forms.PostAsync(clerk, $"/Births/Register?motherId={mother}", new()
        {
            ["Input.MotherId"] = mother.ToString(),
            ["Input.BirthDate"] = "2026-04-01",
            ["Input.ReportedOn"] = "2026-04-02",
            ["Input.Children[0].Name"] = "四娃",
            ["Input.Children[0].Sex"] = "Male",
        });
        Assert.Equal(1, await Portal.ScalarAsync<int>("SELECT policy_status FROM births WHERE mother_id = @m", ("m", mother)));
        Assert.Contains("2026-01-01起政策允许4个", await Portal.ScalarAsync<string>("SELECT policy_reason FROM births WHERE mother_id = @m", ("m", mother)));
    }
}
