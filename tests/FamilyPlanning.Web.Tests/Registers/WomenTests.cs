using System.Net;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Registers;

public class WomenTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private static Dictionary<string, string> Record(string registeredOn, string? marriedOn = "2015-05-01") => new()
    {
        ["Input.RegisteredOn"] = registeredOn,
        ["Input.MarriedOn"] = marriedOn ?? "",
        ["Input.BoysBefore"] = "1",
        ["Input.GirlsBefore"] = "0",
    };

    [Fact]
    public async Task Post_CreateWoman_SavesAndShowsHerInTheRegister()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "周丽", Sex.Female, new DateOnly(1993, 6, 6));
        var clerk = await SignInAsync("clerk01");
        var candidates = await Forms.GetHtmlAsync(clerk, "/Women/Create?q=周丽");
        Assert.Single(candidates.QuerySelectorAll("#candidates li"));

        var response = await Forms.PostAsync(clerk, $"/Women/Create?personId={person}", Record("2025-01-01"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await Portal.ScalarAsync<int>("SELECT boys_before FROM women WHERE person_id = @p", ("p", person)));

        var list = await Forms.GetHtmlAsync(clerk, "/Women?q=周丽");
        var row = Assert.Single(list.QuerySelectorAll("#rows tbody tr")).TextContent;
        Assert.Contains("初婚", row);
        Assert.Contains("1（1/0）", row);
        Assert.Contains("未避孕", row);
        Assert.Contains("在册", row);
    }

    [Fact]
    public async Task Post_CreateWomanForAMan_IsRefused()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "周强", Sex.Male, new DateOnly(1993, 6, 6));
        var clerk = await SignInAsync("clerk01");
        var response = await Forms.PostAsync(clerk, $"/Women/Create?personId={person}", Record("2025-01-01"));
        Assert.Contains("周强不是女性，不能登记为育龄妇女", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM women"));
    }

    [Fact]
    public async Task Post_CreateWomanAged14_IsRefused()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "小芳", Sex.Female, new DateOnly(2011, 6, 6), marital: MaritalStatus.Unmarried);
        var clerk = await SignInAsync("clerk01");
        var response = await Forms.PostAsync(clerk, $"/Women/Create?personId={person}", Record("2025-06-01", marriedOn: null));
        Assert.Contains("在建档日期为13岁，育龄妇女应为15–49岁", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_MarriedWomanWithoutMarriageDate_IsRefused()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "钱红", Sex.Female, new DateOnly(1993, 6, 6));
        var clerk = await SignInAsync("clerk01");
        var response = await Forms.PostAsync(clerk, $"/Women/Create?personId={person}", Record("2025-01-01", marriedOn: null));
        Assert.Contains("钱红婚姻状况为初婚，请填写结婚日期", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Register_WomenLeaveAt50DeathAndMoveOut()
    {
        var today = Given.Today;
        var (_, _, _) = await _given.MotherAsync(today.AddYears(-49).AddDays(-300), name: "四十九");
        var (_, _, _) = await _given.MotherAsync(today.AddYears(-50).AddDays(-1), name: "刚满五十");
        var (_, dead, _) = await _given.MotherAsync(new DateOnly(1990, 1, 1), name: "已故者");
        var (_, moved, _) = await _given.MotherAsync(new DateOnly(1990, 1, 1), name: "迁走者");
        await _given.Db(async db =>
        {
            (await db.Persons.FindAsync(dead))!.DiedOn = new DateOnly(2025, 1, 1);
            (await db.Persons.FindAsync(moved))!.MovedOutOn = new DateOnly(2025, 1, 1);
            return await db.SaveChangesAsync();
        });
        var clerk = await SignInAsync("clerk01");

        var inRegister = (await Forms.GetHtmlAsync(clerk, "/Women")).QuerySelectorAll("#rows tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(inRegister);
        Assert.Contains("四十九", inRegister[0]);

        var all = (await Forms.GetHtmlAsync(clerk, "/Women?left=true")).QuerySelectorAll("#rows tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, all.Count);
        Assert.Contains(all, r => r.Contains("刚满五十") && r.Contains("出队（满50岁）"));
        Assert.Contains(all, r => r.Contains("已故者") && r.Contains("出队（死亡）"));
        Assert.Contains(all, r => r.Contains("迁走者") && r.Contains("出队（迁出）"));
    }
}
