using System.Net;
using System.Text.Json;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Monthly;

public class MonthlyWorkflowTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);
    private const string May = "/Monthly/Report?township=371426001000&month=2026-05";

    private static async Task<HttpResponseMessage> Register(HttpClient clerk, long mother, string date, string name, string? reported = null) =>
        await Forms.PostAsync(clerk, $"/Births/Register?motherId={mother}", new()
        {
            ["Input.MotherId"] = mother.ToString(),
            ["Input.BirthDate"] = date,
            ["Input.ReportedOn"] = reported ?? date,
            ["Input.Children[0].Name"] = name,
            ["Input.Children[0].Sex"] = "Male",
        });

    private Task<HttpResponseMessage> Post(HttpClient c, string handler, Dictionary<string, string>? fields = null) =>
        Forms.PostAsync(c, May, fields ?? [], May + "&handler=" + handler);

    private Task<int?> Status() => Portal.ScalarAsync<int?>("SELECT status FROM monthly_reports WHERE township_code = '371426001000' AND month = '2026-05-01'");

    [Fact]
    public async Task Month_FromErrorsToApprovalLockAndReopen()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1990, 1, 1));
        var (older, _, _) = await _given.MotherAsync(new DateOnly(1976, 1, 10), boys: 1, name: "年长母亲", registeredOn: new DateOnly(2020, 1, 1));
        var (third, _, _) = await _given.MotherAsync(new DateOnly(1993, 1, 1), name: "第三位");
        var clerk = await SignInAsync("clerk01");
        Assert.Equal(HttpStatusCode.Redirect, (await Register(clerk, mother, "2026-05-08", "五月子")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Register(clerk, older, "2026-05-20", "晚生子")).StatusCode);
        // An error the checks must find: a child's ID number that does not match (as an import might have left it).
        var child = await Portal.ScalarAsync<long>("SELECT id FROM persons WHERE name = '五月子'");
        await Portal.ScalarAsync<int>("UPDATE persons SET id_number = '130402198207290622' WHERE id = @id", ("id", child));

        var blocked = await Post(clerk, "Submit");
        Assert.Contains("有1个错误须先改正", await blocked.Content.ReadAsStringAsync());
        Assert.Null(await Status());

        // Fix the error through the person page, then the warning still needs a comment.
        var edit = await Forms.GetHtmlAsync(clerk, $"/Persons/Edit/{child}");
        var fix = await Forms.PostAsync(clerk, $"/Persons/Edit/{child}", new()
        {
            ["Version"] = edit.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
            ["Input.Name"] = "五月子",
            ["Input.Sex"] = "Male",
            ["Input.BirthDate"] = "2026-05-08",
            ["Input.IdNumber"] = "",
            ["Input.Relation"] = "Son",
            ["Input.MaritalStatus"] = "Unmarried",
            ["Input.Residence"] = "Resident",
        });
        Assert.Equal(HttpStatusCode.Redirect, fix.StatusCode);
        var page = await Forms.GetHtmlAsync(clerk, May);
        var warning = Assert.Single(page.QuerySelectorAll("#findings li"));
        Assert.Contains("生育时50岁", warning.TextContent);
        var key = warning.QuerySelector("input")!.GetAttribute("name")!;
        Assert.Contains("须填写说明", await (await Post(clerk, "Submit")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await Post(clerk, "Submit", new() { [key] = "已入户核实，出生日期无误" })).StatusCode);
        Assert.Equal(1, await Status());
        Assert.Equal("2", await Portal.ScalarAsync<string>(
            "SELECT submitted_snapshot->>'births' FROM monthly_reports WHERE township_code = '371426001000' AND month = '2026-05-01'"));

        // Submitted months are locked for every write route.
        var birth = await Portal.ScalarAsync<long>("SELECT id FROM births WHERE child_id = @c", ("c", child));
        var editBirth = await Forms.PostAsync(clerk, $"/Births/Edit/{birth}", new() { ["Version"] = "0", ["Input.Place"] = "改", ["Input.ReportedOn"] = "2026-05-08" });
        Assert.Contains("2026年5月的月报已上报", await editBirth.Content.ReadAsStringAsync());

        var county = await SignInAsync("county");
        Assert.Contains("只有县级工作人员", await (await Post(clerk, "Approve")).Content.ReadAsStringAsync());
        Assert.Contains("请填写退回理由", await (await Post(county, "Return", new() { ["Reason"] = "" })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(county, "Return", new() { ["Reason"] = "晚生子母亲年龄请再核实" })).StatusCode);
        Assert.Equal(3, await Status());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(clerk, "Submit", new() { [key] = "已核实户口簿" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(county, "Approve")).StatusCode);
        Assert.Equal(2, await Status());

        // Approved: births, deaths and operations dated in May are refused; nothing changes.
        var another = await Register(clerk, third, "2026-05-30", "不该登记");
        Assert.Contains("2026年5月的月报已审核", await another.Content.ReadAsStringAsync());
        var woman = await Portal.ScalarAsync<long>("SELECT id FROM women WHERE person_id = (SELECT person_id FROM women WHERE id = @m)", ("m", mother));
        var iud = await Forms.PostAsync(clerk, $"/Contraception/Create?womanId={woman}", new()
        {
            ["Input.WomanId"] = woman.ToString(),
            ["Input.Type"] = "IudInsertion",
            ["Input.Date"] = "2026-05-28",
            ["Input.Institution"] = "TownshipClinic",
        });
        Assert.Contains("月报已审核", await iud.Content.ReadAsStringAsync());
        var personPage = $"/Persons/Details/{child}";
        var version = await Portal.ScalarAsync<long>("SELECT xmin::text::bigint FROM persons WHERE id = @id", ("id", child));
        var death = await Forms.SubmitAsync(clerk, personPage, "Death", new() { ["Version"] = version.ToString(), ["Death.Date"] = "2026-05-25" });
        Assert.Contains("月报已审核", await death.Content.ReadAsStringAsync());
        var birthVersion = await Portal.ScalarAsync<long>("SELECT xmin::text::bigint FROM births WHERE id = @id", ("id", birth));
        var delete = await Forms.PostAsync(clerk, $"/Births/Details/{birth}", new() { ["Version"] = birthVersion.ToString() }, $"/Births/Details/{birth}?handler=Delete");
        Assert.Contains("月报已审核", await delete.Content.ReadAsStringAsync());
        Assert.Equal(2L, await Portal.ScalarAsync<long>("SELECT count(*) FROM births"));
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM contraceptive_events"));
        Assert.Null(await Portal.ScalarAsync<DateOnly?>("SELECT died_on FROM persons WHERE id = @id", ("id", child)));

        // Reopened: the clerk corrects, and the page shows what changed since approval.
        Assert.Equal(HttpStatusCode.Redirect, (await Post(county, "Reopen", new() { ["Reason"] = "补录漏登的出生" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Register(clerk, third, "2026-05-30", "补录")).StatusCode);
        var reopened = await Forms.GetHtmlAsync(county, May);
        var diff = reopened.QuerySelectorAll("#diff tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(diff, d => d.Contains("本期出生") && d.Contains("2") && d.Contains("3"));
        var steps = reopened.QuerySelectorAll("#steps tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(5, steps.Count);
        Assert.Contains(steps, s => s.Contains("county") && s.Contains("已重新打开") && s.Contains("补录漏登的出生"));
    }

    [Fact]
    public async Task ClerkHome_ListsOverdueMonths()
    {
        var month = new DateOnly(Given.Today.Year, Given.Today.Month, 1).AddMonths(-2);
        var page = $"/Monthly/Report?township=371426001000&month={month:yyyy-MM}";
        var clerk = await SignInAsync("clerk01");
        Assert.Contains($"{month:yyyy年M月}", (await Forms.GetHtmlAsync(clerk, "/")).Text("#overdue"));
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(clerk, page, "Submit", [])).StatusCode);
        var after = await Forms.GetHtmlAsync(clerk, "/");
        Assert.DoesNotContain($"{month:yyyy年M月}", after.QuerySelector("#overdue")?.TextContent ?? "");
    }

    [Fact]
    public async Task OtherTownshipClerk_CannotSeeOrSubmit_AndCountyCannotSubmit()
    {
        var clerk2 = await SignInAsync("clerk02");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync(May)).StatusCode);
        var county = await SignInAsync("county");
        var submit = await Post(county, "Submit");
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.Null(await Status());
    }

    [Fact]
    public async Task Birth_ReportedAfterItsMonthWasSubmitted_IsLate_AndCompletenessCounts()
    {
        var (mother, _, _) = await _given.MotherAsync(new DateOnly(1990, 1, 1));
        var clerk = await SignInAsync("clerk01");
        const string april = "/Monthly/Report?township=371426001000&month=2026-04";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(clerk, april, "Submit", [])).StatusCode);
        await Portal.ScalarAsync<int>("UPDATE monthly_reports SET status = 0 WHERE month = '2026-04-01'"); // reopen by hand: the birth must be enterable
        await Portal.ScalarAsync<int>("UPDATE monthly_reports SET first_submitted_on = '2026-05-03' WHERE month = '2026-04-01'");
        Assert.Equal(HttpStatusCode.Redirect, (await Register(clerk, mother, "2026-04-20", "四月补报", reported: "2026-05-10")).StatusCode);

        var county = await SignInAsync("county");
        var api = JsonDocument.Parse(await county.GetStringAsync("/api/indicators?period=2026-04&township=371426001000")).RootElement;
        Assert.Equal("1", api.GetProperty("total").GetProperty("indicators").GetProperty("late_reports").GetProperty("text").GetString());
        var may = await Forms.GetHtmlAsync(clerk, May);
        Assert.Contains(may.QuerySelectorAll("#findings li"), li => li.TextContent.Contains("补报：四月补报"));

        var grid = await Forms.GetHtmlAsync(county, "/Monthly?year=2026");
        Assert.Equal(17, grid.QuerySelectorAll("#grid tbody tr").Length);
        Assert.Contains("应报 17 个", grid.Text("#counts"));
    }
}
