using System.Net;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Admin;

public class PlacesTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Get_Places_ShowsTheCountyTree()
    {
        var admin = await SignInAsync("admin");
        var doc = await Forms.GetHtmlAsync(admin, "/Admin/Places");
        Assert.Contains("平原县", doc.Text("#county"));
        Assert.Equal(17, doc.QuerySelectorAll("#townships tbody tr").Length);
        var villages = await Portal.ScalarAsync<long>("SELECT count(*) FROM villages");
        Assert.InRange(villages, 280, 320);
        Assert.Contains($"村（居）委会 {villages} 个", doc.Text("#county"));

        var township = await Forms.GetHtmlAsync(admin, "/Admin/Places/Township/371426100000");
        Assert.Equal(22, township.QuerySelectorAll("#villages tbody tr").Length);
    }

    [Theory]
    [InlineData("37142610900", "乡镇代码必须是12位数字")]
    [InlineData("371427109000", "乡镇代码前6位必须是本县代码 371426")]
    [InlineData("371426109001", "乡镇代码后3位必须是 000")]
    [InlineData("371426400000", "乡镇代码第7–9位必须在 001–399 之间")]
    [InlineData("371426100000", "乡镇代码 371426100000 已存在")]
    public async Task Post_CreateTownshipWithBadCode_ShowsChineseErrorAndSavesNothing(string code, string message)
    {
        var admin = await SignInAsync("admin");
        var response = await Forms.PostAsync(admin, "/Admin/Places", new() { ["Input.Code"] = code, ["Input.Name"] = "新镇" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM townships WHERE name = '新镇'"));
    }

    [Fact]
    public async Task Post_CreateTownshipAndVillage_SavesWithKindFromCode()
    {
        var admin = await SignInAsync("admin");
        var response = await Forms.PostAsync(admin, "/Admin/Places", new() { ["Input.Code"] = "371426109000", ["Input.Name"] = "新镇" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await Portal.ScalarAsync<int>("SELECT kind FROM townships WHERE code = '371426109000'"));

        var page = "/Admin/Places/Township/371426109000";
        var village = await Forms.SubmitAsync(admin, page, "AddVillage", new() { ["Village.Code"] = "371426109201", ["Village.Name"] = "新村村委会" });
        Assert.Equal(HttpStatusCode.Redirect, village.StatusCode);
        Assert.Equal(2, await Portal.ScalarAsync<int>("SELECT kind FROM villages WHERE code = '371426109201'"));

        var wrong = await Forms.SubmitAsync(admin, page, "AddVillage", new() { ["Village.Code"] = "371426108201", ["Village.Name"] = "错村" });
        Assert.Contains("村（居）代码前9位必须是所属乡镇代码 371426109", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_MergeTownship_KeepsItsCodeAndVillagesAndRecordsSuccessor()
    {
        var admin = await SignInAsync("admin");
        // The township's clerk must be moved first.
        const string page = "/Admin/Places/Township/371426205000";
        var fields = new Dictionary<string, string> { ["Merge.SuccessorCode"] = "371426204000", ["Merge.AbolishedOn"] = "2026-01-01" };
        var refused = await Forms.SubmitAsync(admin, page, "Merge", fields);
        Assert.Contains("还有在用的统计员账号", await refused.Content.ReadAsStringAsync());

        await Portal.ScalarAsync<int>("UPDATE users SET is_disabled = true WHERE township_code = '371426205000'");
        var merged = await Forms.SubmitAsync(admin, page, "Merge", fields);
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("371426204000", await Portal.ScalarAsync<string>("SELECT successor_code FROM townships WHERE code = '371426205000'"));
        Assert.Equal(14L, await Portal.ScalarAsync<long>("SELECT count(*) FROM villages WHERE township_code = '371426205000'"));
    }
}
