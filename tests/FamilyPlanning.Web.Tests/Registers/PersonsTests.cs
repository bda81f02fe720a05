using System.Net;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Registers;

public class PersonsTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private static Dictionary<string, string> Person(string name, string sex, string birth, string? id) => new()
    {
        ["Input.Name"] = name,
        ["Input.Sex"] = sex,
        ["Input.BirthDate"] = birth,
        ["Input.IdNumber"] = id ?? "",
        ["Input.Relation"] = "Spouse",
        ["Input.MaritalStatus"] = "FirstMarriage",
        ["Input.Residence"] = "Resident",
    };

    private async Task<HttpResponseMessage> CreateAsync(HttpClient client, long household, Dictionary<string, string> fields) =>
        await Forms.PostAsync(client, $"/Persons/Create?householdId={household}", fields);

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", "Female")]
    [InlineData("440524188001010014", "1880-01-01", "Male")]
    [InlineData("130132199210293822", "1992-10-29", "Female")]
    [InlineData("120223198902021249", "1989-02-02", "Female")]
    [InlineData("11010519491231002x", "1949-12-31", "Female")]
    public async Task Post_ValidIdNumber_SavesThePersonWithTheNumberNormalized(string id, string birth, string sex)
    {
        var household = await _given.HouseholdAsync();
        var clerk = await SignInAsync("clerk01");
        var response = await CreateAsync(clerk, household, Person("王芳", sex, birth, id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(id.ToUpperInvariant(), await Portal.ScalarAsync<string>("SELECT id_number FROM persons WHERE name = '王芳'"));
    }

    [Theory]
    [InlineData("130402198207290622", "1982-07-29", "Female", "公民身份号码校验位错误，请核对")]
    [InlineData("13013219921029382", "1992-10-29", "Female", "公民身份号码应为18位")]
    [InlineData("130132199210293822", "1992-10-30", "Female", "与填写的出生日期 1992-10-30 不一致")]
    [InlineData("130132199210293822", "1992-10-29", "Male", "第17位表示女性，与填写的性别不一致")]
    public async Task Post_InvalidIdNumber_ShowsChineseErrorAndSavesNothing(string id, string birth, string sex, string message)
    {
        var household = await _given.HouseholdAsync();
        var clerk = await SignInAsync("clerk01");
        var response = await CreateAsync(clerk, household, Person("王芳", sex, birth, id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Forms.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector("[data-valmsg-for='Input.IdNumber']")!.TextContent);
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons WHERE name = '王芳'"));
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'Person'"));
    }

    [Fact]
    public async Task Post_DuplicateIdNumber_IsRefused()
    {
        var household = await _given.HouseholdAsync();
        var clerk = await SignInAsync("clerk01");
        await CreateAsync(clerk, household, Person("王芳", "Female", "1992-10-29", "130132199210293822"));
        var second = await CreateAsync(clerk, household, Person("王芳芳", "Female", "1992-10-29", "130132199210293822"));
        Assert.Contains("公民身份号码 130132199210293822 已登记给 王芳", await second.Content.ReadAsStringAsync());
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons WHERE id_number = '130132199210293822'"));
    }

    [Fact]
    public async Task Post_FutureBirthDate_IsRefused()
    {
        var household = await _given.HouseholdAsync();
        var clerk = await SignInAsync("clerk01");
        var tomorrow = Given.Today.AddDays(1).ToString("yyyy-MM-dd");
        var response = await CreateAsync(clerk, household, Person("未来", "Male", tomorrow, null));
        Assert.Contains("出生日期不能晚于今天", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons WHERE name = '未来'"));
    }

    [Fact]
    public async Task Post_MalformedDate_GivesChineseMessage()
    {
        var household = await _given.HouseholdAsync();
        var clerk = await SignInAsync("clerk01");
        var response = await CreateAsync(clerk, household, Person("坏日期", "Male", "2020-13-45", null));
        Assert.Contains("“2020-13-45”不是有效的出生日期", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_DeathBeforeBirth_IsRefused_ThenValidDeathIsRecordedAndAudited()
    {
        var household = await _given.HouseholdAsync();
        var id = await _given.PersonAsync(household, "张老汉", Sex.Male, new DateOnly(1940, 3, 1), relation: Relation.Head);
        var clerk = await SignInAsync("clerk01");
        var page = $"/Persons/Details/{id}";
        var version = await Portal.ScalarAsync<long>("SELECT xmin::text::bigint FROM persons WHERE id = @id", ("id", id));

        var early = await Forms.SubmitAsync(clerk, page, "Death", new() { ["Version"] = version.ToString(), ["Death.Date"] = "1939-01-01" });
        Assert.Contains("死亡日期不能早于出生日期", await early.Content.ReadAsStringAsync());
        Assert.Null(await Portal.ScalarAsync<DateOnly?>("SELECT died_on FROM persons WHERE id = @id", ("id", id)));

        var ok = await Forms.SubmitAsync(clerk, page, "Death", new() { ["Version"] = version.ToString(), ["Death.Date"] = "2025-02-03" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(new DateOnly(2025, 2, 3), await Portal.ScalarAsync<DateOnly>("SELECT died_on FROM persons WHERE id = @id", ("id", id)));
        var history = await Forms.GetHtmlAsync(clerk, page);
        Assert.Contains("死亡日期：（空） → 2025-02-03", history.Text("#history tbody tr"));
        Assert.Contains("2025-02-03", history.Text("#died-on"));
    }

    [Fact]
    public async Task Post_MoveOutThenIn_UpdatesTheDates()
    {
        var household = await _given.HouseholdAsync();
        var id = await _given.PersonAsync(household, "外出者", Sex.Male, new DateOnly(1990, 3, 1));
        var clerk = await SignInAsync("clerk01");
        var page = $"/Persons/Details/{id}";
        string V() => Portal.ScalarAsync<long>("SELECT xmin::text::bigint FROM persons WHERE id = @id", ("id", id)).Result.ToString();

        var moved = await Forms.SubmitAsync(clerk, page, "MoveOut", new() { ["Version"] = V(), ["MoveOut.Date"] = "2025-01-10", ["MoveOut.Place"] = "广东省深圳市" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("广东省深圳市", await Portal.ScalarAsync<string>("SELECT moved_out_to FROM persons WHERE id = @id", ("id", id)));

        var back = await Forms.SubmitAsync(clerk, page, "MoveIn", new() { ["Version"] = V(), ["MoveIn.Date"] = "2026-02-01" });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Null(await Portal.ScalarAsync<DateOnly?>("SELECT moved_out_on FROM persons WHERE id = @id", ("id", id)));
        Assert.Equal(new DateOnly(2026, 2, 1), await Portal.ScalarAsync<DateOnly>("SELECT moved_in_on FROM persons WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task Post_EditWithStaleVersion_ShowsConflictAndKeepsTheFirstSave()
    {
        var household = await _given.HouseholdAsync();
        var id = await _given.PersonAsync(household, "原名", Sex.Male, new DateOnly(1990, 3, 1), withId: false);
        var first = await SignInAsync("clerk01");
        var second = await SignInAsync("clerk01");
        var page = $"/Persons/Edit/{id}";
        var form1 = await Forms.GetHtmlAsync(first, page);
        var form2 = await Forms.GetHtmlAsync(second, page);

        async Task<HttpResponseMessage> Save(HttpClient c, AngleSharp.Html.Dom.IHtmlDocument form, string name) =>
            await c.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["Version"] = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
                ["Input.Name"] = name,
                ["Input.Sex"] = "Male",
                ["Input.BirthDate"] = "1990-03-01",
                ["Input.Relation"] = "Spouse",
                ["Input.MaritalStatus"] = "FirstMarriage",
                ["Input.Residence"] = "Resident",
            }));

        Assert.Equal(HttpStatusCode.Redirect, (await Save(first, form1, "第一人改")).StatusCode);
        var conflict = await Save(second, form2, "第二人改");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("该记录已被他人修改", await conflict.Content.ReadAsStringAsync());
        Assert.Equal("第一人改", await Portal.ScalarAsync<string>("SELECT name FROM persons WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task Get_PersonList_MasksIdNumbers_DetailsShowFullNumberOnlyToOwnClerk()
    {
        var household = await _given.HouseholdAsync();
        var id = await _given.PersonAsync(household, "赵敏", Sex.Female, new DateOnly(1992, 10, 29));
        var full = (await Portal.ScalarAsync<string>("SELECT id_number FROM persons WHERE id = @id", ("id", id)))!;
        var clerk = await SignInAsync("clerk01");

        var list = await clerk.GetStringAsync("/Persons?q=赵敏");
        Assert.DoesNotContain(full, list);
        Assert.Contains(IdNumber.Mask(full), list);
        Assert.Equal(full, (await Forms.GetHtmlAsync(clerk, $"/Persons/Details/{id}")).Text("#id-number"));

        var county = await SignInAsync("county");
        Assert.Equal(IdNumber.Mask(full), (await Forms.GetHtmlAsync(county, $"/Persons/Details/{id}")).Text("#id-number"));
        // Nor does the change history or the admin's audit log give it away.
        Assert.Contains(IdNumber.Mask(full), (await Forms.GetHtmlAsync(county, $"/Persons/Details/{id}")).Text("#history"));
        Assert.DoesNotContain(full, await county.GetStringAsync($"/Persons/Details/{id}"));
        var admin = await SignInAsync("admin");
        Assert.DoesNotContain(full, await admin.GetStringAsync("/Admin/Audit?entity=Person"));
    }
}
