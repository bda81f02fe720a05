using System.Net;
using System.Text.Json;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Dashboard;

public class TargetsAndSettingsTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Post_Targets_CountyStaffSaves_OfficialsOnlyRead()
    {
        var county = await SignInAsync("county");
        var form = await Forms.GetHtmlAsync(county, "/Targets?year=2026");
        Assert.Equal(17, form.QuerySelectorAll("#targets tbody tr").Length);
        var response = await Forms.PostAsync(county, "/Targets?year=2026", new()
        {
            ["year"] = "2026",
            ["Input[0].TownshipCode"] = Given.Longmen,
            ["Input[0].BirthTarget"] = "120",
            ["Input[0].PlannedBirthRateTarget"] = "95",
            ["Input[0].IudTask"] = "60",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(120, await Portal.ScalarAsync<int>("SELECT birth_target FROM targets WHERE township_code = @t AND year = 2026", ("t", Given.Longmen)));
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'Target'"));

        var api = JsonDocument.Parse(await county.GetStringAsync($"/api/indicators?period=2026&township={Given.Longmen}")).RootElement;
        Assert.Equal("120", api.GetProperty("total").GetProperty("indicators").GetProperty("birth_target").GetProperty("text").GetString());

        var leader = await SignInAsync("leader");
        var denied = await Forms.PostAsync(leader, "/Targets?year=2026", new()
        {
            ["year"] = "2026",
            ["Input[0].TownshipCode"] = Given.Longmen,
            ["Input[0].BirthTarget"] = "999",
        });
        Assert.Contains("目标只能由县级工作人员设定", await denied.Content.ReadAsStringAsync());
        Assert.Equal(120, await Portal.ScalarAsync<int>("SELECT birth_target FROM targets WHERE township_code = @t AND year = 2026", ("t", Given.Longmen)));
    }

    [Fact]
    public async Task Post_StatisticalYearFromOctober_MovesTheHalfYear()
    {
        var admin = await SignInAsync("admin");
        var page = await Forms.GetHtmlAsync(admin, "/Admin/Settings");
        var version = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var response = await Forms.PostAsync(admin, "/Admin/Settings", new()
        {
            ["Input.YearStartMonth"] = "10",
            ["Input.ReportDeadlineDay"] = "2",
            ["Input.ExcludeExemptFromPrevalence"] = "false",
            ["Input.Version"] = version,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var county = await SignInAsync("county");
        var api = JsonDocument.Parse(await county.GetStringAsync("/api/indicators?period=2026H1")).RootElement;
        Assert.Equal("2025-10-01", api.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2026-03-31", api.GetProperty("period").GetProperty("to").GetString());

        var bad = await Forms.PostAsync(admin, "/Admin/Settings", new()
        {
            ["Input.YearStartMonth"] = "7",
            ["Input.ReportDeadlineDay"] = "40",
            ["Input.Version"] = version,
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("上报截止日应在每月 1–28 日之间", html);
        Assert.Equal(10, await Portal.ScalarAsync<int>("SELECT year_start_month FROM settings"));
    }
}
