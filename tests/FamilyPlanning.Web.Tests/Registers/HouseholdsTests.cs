using System.Net;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Registers;

public class HouseholdsTests(PortalFactory portal) : PortalTest(portal)
{
    private static Dictionary<string, string> Household(string number, string village) => new()
    {
        ["Input.Number"] = number,
        ["Input.VillageCode"] = village,
        ["Input.Address"] = "龙门街道幸福路8号",
        ["Input.HeadName"] = "孙建国",
        ["Input.HukouType"] = "Agricultural",
    };

    [Fact]
    public async Task Post_CreateHousehold_SavesItInTheVillagesTownship()
    {
        var clerk = await SignInAsync("clerk01");
        var response = await Forms.PostAsync(clerk, "/Households/Create", Household("LM-0001", Given.LongmenVillage));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Given.Longmen, await Portal.ScalarAsync<string>("SELECT township_code FROM households WHERE number = 'LM-0001'"));
        var list = await Forms.GetHtmlAsync(clerk, "/Households?q=孙建国");
        Assert.Contains("LM-0001", list.Text("#rows tbody tr"));
    }

    [Fact]
    public async Task Post_DuplicateNumber_IsRefused()
    {
        var clerk = await SignInAsync("clerk01");
        await Forms.PostAsync(clerk, "/Households/Create", Household("LM-0001", Given.LongmenVillage));
        var again = await Forms.PostAsync(clerk, "/Households/Create", Household("LM-0001", Given.LongmenVillage));
        Assert.Contains("户编号 LM-0001 在本乡镇已存在", await again.Content.ReadAsStringAsync());
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM households"));
    }

    [Fact]
    public async Task Post_VillageOfAnotherTownship_IsRefused()
    {
        var clerk = await SignInAsync("clerk01");
        var response = await Forms.PostAsync(clerk, "/Households/Create", Household("LM-0002", Given.TaoyuanVillage));
        Assert.Contains("请选择本乡镇的村（居）", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM households"));
    }

    [Fact]
    public async Task Post_MoveHouseholdToAnotherVillage_MovesMembersAndTheirWomensRecords()
    {
        var given = new Given(Portal);
        var (woman, person, household) = await given.MotherAsync(new DateOnly(1990, 1, 1));
        var clerk = await SignInAsync("clerk01");
        var form = await Forms.GetHtmlAsync(clerk, $"/Households/Edit/{household}");
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var number = form.QuerySelector("input[name='Input.Number']")!.GetAttribute("value")!;
        var fields = Household(number, "371426001002");
        fields["Version"] = version;
        var response = await Forms.PostAsync(clerk, $"/Households/Edit/{household}", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("371426001002", await Portal.ScalarAsync<string>("SELECT village_code FROM persons WHERE id = @id", ("id", person)));
        Assert.Equal("371426001002", await Portal.ScalarAsync<string>("SELECT village_code FROM women WHERE id = @id", ("id", woman)));
    }
}
