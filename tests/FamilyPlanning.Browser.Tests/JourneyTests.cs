using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace FamilyPlanning.Browser.Tests;

/// <summary>
/// The three users' journeys in a real browser, one after the other on the same data: the clerk registers a woman and her
/// birth and submits the month (answering the check's warning), county staff return then approve that month and see the
/// birth on the dashboard, an official writes the narrative and downloads the half-year PDF.
/// </summary>
[Collection(BrowserCollection.Name)]
public class JourneyTests(BrowserPortal portal)
{
    private static readonly DateOnly Today = FamilyPlanning.Tests.Shared.TestClock.Today;
    private static readonly DateOnly ThisMonth = new(Today.Year, Today.Month, 1);
    // Born two months ago and reported last month: last month's report carries a 补报 warning that needs a comment.
    private static readonly DateOnly Born = ThisMonth.AddMonths(-2).AddDays(9);
    private static readonly DateOnly Reported = ThisMonth.AddMonths(-1).AddDays(2);
    private static readonly string ReportMonth = ThisMonth.AddMonths(-1).ToString("yyyy-MM");
    private const string Child = "王小满";

    [Fact]
    public async Task ClerkCountyOfficial_RegisterSubmitReviewReport()
    {
        var (personId, idNumber) = await portal.FemalePersonAsync("李春燕", new DateOnly(1995, 5, 5), 401);
        await ClerkRegistersAndSubmitsAsync(personId, idNumber);
        await CountyReturnsThenApprovesAsync();
        await OfficialExportsThePdfAsync();
    }

    private async Task ClerkRegistersAndSubmitsAsync(long personId, string idNumber)
    {
        await using var clerk = await Journey.SignInAsync(portal, "1-clerk", "clerk01");
        var page = clerk.Page;
        await clerk.StepAsync("育龄妇女建档", async () =>
        {
            await page.GotoAsync($"{portal.BaseUrl}/Women/Create?personId={personId}");
            await page.GetByLabel("建档日期").FillAsync("2020-01-01");
            await page.GetByLabel("结婚日期").FillAsync("2019-10-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await page.WaitForURLAsync("**/Women/Details**");
        });
        await clerk.StepAsync("出生登记", async () =>
        {
            await page.GotoAsync($"{portal.BaseUrl}/Births/Register?q={idNumber}");
            await page.Locator("#mothers a").First.ClickAsync();
            await page.GetByLabel("出生日期").FillAsync(Born.ToString("yyyy-MM-dd"));
            await page.GetByLabel("报告日期").FillAsync(Reported.ToString("yyyy-MM-dd"));
            await page.GetByLabel("出生地点").FillAsync("县人民医院");
            await page.GetByLabel("第1个婴儿姓名").FillAsync(Child);
            await page.GetByLabel("第1个婴儿性别").SelectOptionAsync(new SelectOptionValue { Label = "女" });
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await page.WaitForURLAsync("**/Births/Details**");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("符合政策");
        });
        await clerk.StepAsync("出生列表中可见", async () =>
        {
            await page.GotoAsync($"{portal.BaseUrl}/Births");
            await Assertions.Expect(page.Locator("#rows")).ToContainTextAsync(Child);
        });
        await clerk.StepAsync("上报：警告未说明被拒", async () =>
        {
            await page.GotoAsync($"{portal.BaseUrl}/Monthly/Report?township={BrowserPortal.Longmen}&month={ReportMonth}");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("补报");
            await page.Locator("#submit").ClickAsync();
            await Assertions.Expect(page.Locator(".alert-danger, .validation-summary-errors").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#status")).Not.ToHaveTextAsync("已上报");
        });
        await clerk.StepAsync("填写说明后上报", async () =>
        {
            await page.GetByLabel("警告说明").First.FillAsync("上月分娩，本月到站登记");
            await page.Locator("#submit").ClickAsync();
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已上报");
        });
        Assert.Equal(1L, await portal.ScalarAsync<long>(
            $"SELECT count(*) FROM monthly_reports WHERE township_code = '{BrowserPortal.Longmen}' AND month = '{ReportMonth}-01' AND status = 1"));
    }

    private async Task CountyReturnsThenApprovesAsync()
    {
        await using var county = await Journey.SignInAsync(portal, "2-county", "county");
        var page = county.Page;
        await county.StepAsync("完整性表格", async () =>
        {
            await page.GotoAsync($"{portal.BaseUrl}/Monthly?year={ReportMonth[..4]}");
            var link = page.Locator($"#grid a[href*='township={BrowserPortal.Longmen}&month={ReportMonth}']");
            await Assertions.Expect(link).ToHaveTextAsync("已上报");
            await link.ClickAsync();
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已上报");
        });
        await county.StepAsync("退回", async () =>
        {
            await page.GetByLabel("退回理由").FillAsync("请核实出生地点");
            await page.Locator("#return").ClickAsync();
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已退回");
        });

        await using (var clerk = await Journey.SignInAsync(portal, "2-clerk", "clerk01"))
            await clerk.StepAsync("统计员重新上报", async () =>
            {
                await clerk.Page.GotoAsync($"{portal.BaseUrl}/Monthly/Report?township={BrowserPortal.Longmen}&month={ReportMonth}");
                var comment = clerk.Page.GetByLabel("警告说明").First;
                if (await comment.InputValueAsync() == "") await comment.FillAsync("上月分娩，本月到站登记；出生地点已核实");
                await clerk.Page.Locator("#submit").ClickAsync();
                await Assertions.Expect(clerk.Page.Locator("#status")).ToHaveTextAsync("已上报");
            });

        await county.StepAsync("审核通过", async () =>
        {
            await page.ReloadAsync();
            await page.Locator("#approve").ClickAsync();
            await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已审核");
        });
        await county.StepAsync("统计分析中可见出生", async () =>
        {
            await page.GotoAsync($"{portal.BaseUrl}/Dashboard?period={Born.Year}");
            await Assertions.Expect(page.Locator("#kpis [data-key=births] .kpi-value")).ToHaveTextAsync("1");
        });
    }

    private async Task OfficialExportsThePdfAsync()
    {
        await using var leader = await Journey.SignInAsync(portal, "3-official", "leader");
        var page = leader.Page;
        var part = Born.Month <= 6 ? "H1" : "H2";
        await leader.StepAsync("撰写总结", async () =>
        {
            await page.GotoAsync($"{portal.BaseUrl}/Reports/HalfYear?area=county&year={Born.Year}&part={part}");
            await page.GetByLabel("二、主要做法").FillAsync("坚持村级月报、乡级季查，做到出生即登记。");
            await page.GetByLabel("三、存在的问题").FillAsync("流动人口信息核实不及时。");
            await page.GetByLabel("负责人").FillAsync("张县长");
            await page.Locator("#save-narrative").ClickAsync();
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("草稿已保存");
        });
        byte[] pdf = [];
        await leader.StepAsync("下载PDF", async () =>
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#pdf").ClickAsync());
            var path = Path.Combine(BrowserPortal.Artifacts, "3-official-summary.pdf");
            await download.SaveAsAsync(path);
            pdf = await File.ReadAllBytesAsync(path);
        });
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using var doc = PdfDocument.Open(pdf);
        var text = string.Concat(doc.GetPages().Select(p => p.Text));
        Assert.Contains("坚持村级月报", text);
        Assert.Contains("张县长", text);
        Assert.Contains("人口出生1人", text.Replace(" ", ""));
    }
}
