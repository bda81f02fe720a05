using System.Net;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Births;

public class BirthsTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private static Dictionary<string, string> Delivery(long mother, string date, params (string name, string sex)[] children)
    {
        var f = new Dictionary<string, string>
        {
            ["Input.MotherId"] = mother.ToString(),
            ["Input.BirthDate"] = date,
            ["Input.ReportedOn"] = date,
            ["Input.Place"] = "县人民医院",
        };
        for (var i = 0; i < children.Length; i++)
        {
            f[$"Input.Children[{i}].Name"] = children[i].name;
            f[$"Input.Children[{i}].Sex"] = children[i].sex;
        }
        return f;
    }

    private async Task<HttpResponseMessage> RegisterAsync(HttpClient clerk, long mother, Dictionary<string, string> fields) =>
        await Forms.PostAsync(clerk, $"/Births/Register?motherId={mother}", fields);

    private Task<List<(string name, int parity, int status)>> BirthsOf(long mother) => _given.Db(async db =>
        db.Births.Where(b => b.MotherId == mother).OrderBy(b => b.Parity)
            .Select(b => new { b.Child!.Name, b.Parity, Status = (int)b.PolicyStatus }).ToList()
            .Select(x => (x.Name, x.Parity, x.Status)).ToList());

    [Fact]
    public async Task Post_Birth_CreatesChildInMothersHouseholdWithParityAndPolicy()
    {
        var (mother, _, household) = await _given.MotherAsync(new DateOnly(1995, 4, 1), boys: 1);
        var clerk = await SignInAsync("clerk01");
        var response = await RegisterAsync(clerk, mother, Delivery(mother, "2026-03-15", ("王小明", "Male")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal([("王小明", 2, 1)], await BirthsOf(mother));
        Assert.Equal(household, await Portal.ScalarAsync<long>("SELECT household_id FROM persons WHERE name = '王小明'"));
        Assert.Equal(new DateOnly(2026, 3, 15), await Portal.ScalarAsync<DateOnly>("SELECT birth_date FROM persons WHERE name = '王小明'"));
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'Birth' AND action = 1"));
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'Person' AND after->>'Name' = '王小明'"));

        var details = await Forms.GetHtmlAsync(clerk, response.Headers.Location!.ToString());
        Assert.Equal("2", details.Text("#parity"));
        Assert.Equal("符合政策", details.Text("#policy"));
    }

    [Fact]
    public async Task Post_Twins_GetConsecutiveParitiesAndAreJudgedTogether()
    {
        // One child before; in 2019 the limit is 2, so the twins (parities 2 and 3) are both within policy.
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1990, 4, 1), girls: 1);
        var clerk = await SignInAsync("clerk01");
        var response = await RegisterAsync(clerk, mother, Delivery(mother, "2019-08-08", ("大宝", "Male"), ("二宝", "Female")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([("大宝", 2, 1), ("二宝", 3, 1)], await BirthsOf(mother));
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(DISTINCT delivery_id) FROM births"));
    }

    [Fact]
    public async Task Post_ThirdChildIn2019_IsOutOfPolicy_UnlessPermitted()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1988, 4, 1), boys: 1, girls: 1);
        var (permitted, _, _) = await _given.MotherAsync(new DateOnly(1988, 5, 1), boys: 1, girls: 1, name: "刘桂兰");
        var clerk = await SignInAsync("clerk01");
        await RegisterAsync(clerk, mother, Delivery(mother, "2019-06-01", ("三丫", "Female")));
        var withPermit = Delivery(permitted, "2019-06-01", ("三娃", "Male"));
        withPermit["Input.PermitNumber"] = "再审字2018-031";
        await RegisterAsync(clerk, permitted, withPermit);

        Assert.Equal([("三丫", 3, 2)], await BirthsOf(mother));
        Assert.Equal([("三娃", 3, 1)], await BirthsOf(permitted));
        Assert.Equal("生育前已有2个孩子，超过2016-01-01起政策允许的2个",
            await Portal.ScalarAsync<string>("SELECT policy_reason FROM births WHERE mother_id = @m", ("m", mother)));
    }

    [Fact]
    public async Task Post_FutureBirthDate_IsRefusedAndNothingIsSaved()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1995, 4, 1));
        var clerk = await SignInAsync("clerk01");
        var tomorrow = Given.Today.AddDays(1).ToString("yyyy-MM-dd");
        var response = await RegisterAsync(clerk, mother, Delivery(mother, tomorrow, ("未来", "Male")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("出生日期不能晚于今天", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM births"));
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons WHERE name = '未来'"));
    }

    [Fact]
    public async Task Post_ChildWithoutSex_NamesTheRowAndSavesNothing()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1995, 4, 1));
        var clerk = await SignInAsync("clerk01");
        var fields = Delivery(mother, "2026-02-01", ("甲", "Male"), ("乙", ""));
        var response = await RegisterAsync(clerk, mother, fields);
        Assert.Contains("请选择第2个婴儿的性别", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons WHERE name IN ('甲', '乙')"));
    }

    [Fact]
    public async Task Post_MotherAged50AtBirth_SavesWithAWarning()
    {
        var birth = new DateOnly(1975, 1, 10);
        var (mother, _, _) = await _given.MotherAsync(birth, boys: 1, registeredOn: new DateOnly(2020, 1, 1));
        var clerk = await SignInAsync("clerk01");
        var response = await RegisterAsync(clerk, mother, Delivery(mother, "2025-03-01", ("晚生", "Female")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.GetHtmlAsync(clerk, response.Headers.Location!.ToString());
        Assert.Contains("母亲生育时50岁，不在15–49岁之间", page.Text("#warning"));
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM births WHERE mother_id = @m", ("m", mother)));
    }

    [Fact]
    public async Task Post_BirthBeforeMothersRecord_IsSavedWithADoubleCountingWarning()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1992, 1, 10), boys: 1, registeredOn: Given.Today);
        var clerk = await SignInAsync("clerk01");
        var response = await RegisterAsync(clerk, mother, Delivery(mother, "2025-03-01", ("早出生", "Female")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.GetHtmlAsync(clerk, response.Headers.Location!.ToString());
        Assert.Contains("请确认该孩子未计入建档前现有子女数", page.Text("#warning"));
        Assert.Equal([("早出生", 2, 1)], await BirthsOf(mother));
    }

    [Fact]
    public async Task Post_EarlierBirthRegisteredLate_RenumbersTheLaterOne()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1990, 4, 1));
        var clerk = await SignInAsync("clerk01");
        await RegisterAsync(clerk, mother, Delivery(mother, "2025-06-01", ("老二", "Male")));
        await RegisterAsync(clerk, mother, Delivery(mother, "2022-03-01", ("老大", "Female")));
        Assert.Equal([("老大", 1, 1), ("老二", 2, 1)], await BirthsOf(mother));
    }

    [Fact]
    public async Task Post_Override_NeedsAReasonAndAppliesToTheWholeDelivery()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1985, 4, 1), boys: 2);
        var clerk = await SignInAsync("clerk01");
        var created = await RegisterAsync(clerk, mother, Delivery(mother, "2019-08-08", ("双一", "Male"), ("双二", "Male")));
        var details = created.Headers.Location!.ToString();
        Assert.Equal([("双一", 3, 2), ("双二", 4, 2)], await BirthsOf(mother));

        var noReason = await Forms.SubmitAsync(clerk, details, "Override", new() { ["Override.Status"] = "Compliant", ["Override.Reason"] = "" });
        Assert.Contains("人工调整必须填写理由", await noReason.Content.ReadAsStringAsync());
        Assert.Equal([("双一", 3, 2), ("双二", 4, 2)], await BirthsOf(mother));

        var ok = await Forms.SubmitAsync(clerk, details, "Override", new() { ["Override.Status"] = "Compliant", ["Override.Reason"] = "前两孩中一孩为病残儿，经县卫健局批准" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal([("双一", 3, 1), ("双二", 4, 1)], await BirthsOf(mother));
        Assert.Equal(2L, await Portal.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'Birth' AND action = 2 AND after->>'PolicyReason' LIKE '人工调整：前两孩%'"));
    }

    [Fact]
    public async Task Post_DuplicateDeliveryWithin180Days_IsRefused()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1995, 4, 1));
        var clerk = await SignInAsync("clerk01");
        await RegisterAsync(clerk, mother, Delivery(mother, "2026-03-15", ("一", "Male")));
        var again = await RegisterAsync(clerk, mother, Delivery(mother, "2026-03-16", ("一", "Male")));
        Assert.Contains("两次分娩间隔不足180天", await again.Content.ReadAsStringAsync());
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM births"));
    }

    [Fact]
    public async Task Father_OfAnotherTownship_IsLinkedButNotNamed_AndAnUnknownNumberAnswersTheSame()
    {
        var (mother1, _, _) = await _given.MotherAsync(new DateOnly(1992, 1, 10));
        var (mother2, _, _) = await _given.MotherAsync(new DateOnly(1993, 1, 10));
        var taoyuanHousehold = await _given.HouseholdAsync(Given.Taoyuan, Given.TaoyuanVillage);
        var father = await _given.PersonAsync(taoyuanHousehold, "桃园张三", FamilyPlanning.Core.People.Sex.Male, new DateOnly(1990, 5, 5));
        var registered = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {father}"))!;
        var unknown = FamilyPlanning.Core.People.IdNumber.Make("371426", new DateOnly(1989, 9, 9), 777);
        var clerk = await SignInAsync("clerk01");
        var day = Given.Today.AddMonths(-1).ToString("yyyy-MM-dd");
        async Task<(HttpResponseMessage Response, long Birth)> Register(long mother, string fatherId, string child)
        {
            var response = await Forms.PostAsync(clerk, $"/Births/Register?motherId={mother}", new()
            {
                ["Input.MotherId"] = mother.ToString(),
                ["Input.BirthDate"] = day,
                ["Input.ReportedOn"] = day,
                ["Input.FatherIdNumber"] = fatherId,
                ["Input.Children[0].Name"] = child,
                ["Input.Children[0].Sex"] = "Female",
            });
            return (response, await Portal.ScalarAsync<long>("SELECT b.id FROM births b JOIN persons c ON c.id = b.child_id WHERE c.name = @n", ("n", child)));
        }

        var (linked, linkedBirth) = await Register(mother1, registered, "甲女");
        var (unlinked, unlinkedBirth) = await Register(mother2, unknown, "乙女");
        // The same answer for a registered and an unknown number: nothing to learn who is registered.
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.Equal(father, await Portal.ScalarAsync<long>($"SELECT father_id FROM births WHERE id = {linkedBirth}"));
        Assert.Equal(unknown, await Portal.ScalarAsync<string>($"SELECT father_id_number FROM births WHERE id = {unlinkedBirth}"));

        var page = await Forms.GetHtmlAsync(clerk, $"/Births/Details/{linkedBirth}");
        Assert.Equal("本县其他乡镇人员", page.Text("#father"));
        Assert.DoesNotContain("桃园张三", page.Body!.TextContent);
        Assert.Equal($"未在本县登记（{FamilyPlanning.Core.People.IdNumber.Mask(unknown)}）",
            (await Forms.GetHtmlAsync(clerk, $"/Births/Details/{unlinkedBirth}")).Text("#father"));
        // County staff read every township: they see the name.
        Assert.Equal("桃园张三", (await Forms.GetHtmlAsync(await SignInAsync("county"), $"/Births/Details/{linkedBirth}")).Text("#father"));
    }
}
