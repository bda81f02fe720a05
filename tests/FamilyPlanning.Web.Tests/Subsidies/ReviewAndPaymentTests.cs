using System.Net;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace FamilyPlanning.Web.Tests.Subsidies;

public class ReviewAndPaymentTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private async Task<HttpResponseMessage> CreateRunsAsync(HttpClient county, int year, string part) =>
        await Forms.PostAsync(county, "/Subsidies/Payments", new() { ["RunYear"] = year.ToString(), ["RunPart"] = part },
            "/Subsidies/Payments?handler=Create");

    [Fact]
    public async Task AnnualReview_ExitStopsPaymentsAndCountsAreShown()
    {
        var (a, _, _) = await _given.CoupleAsync(new DateOnly(1950, 3, 1), children: Sex.Male);
        var (b, _, _) = await _given.CoupleAsync(new DateOnly(1951, 3, 1), children: Sex.Female);
        var stays = await _given.ApprovedAsync(a, new DateOnly(2024, 1, 1));
        var leaves = await _given.ApprovedAsync(b, new DateOnly(2024, 1, 1));
        var clerk = await SignInAsync("clerk01");
        var year = Given.Today.Year;
        var page = $"/Subsidies/Review?year={year}";
        var review = await Forms.GetHtmlAsync(clerk, page);
        Assert.Equal(2, review.QuerySelectorAll("#rows tbody tr").Length);
        Assert.Contains("待年审 2 人", review.Text("#counts"));

        await Forms.SubmitAsync(clerk, page, "Decide", new() { ["beneficiaryId"] = stays.ToString(), ["Decision.ExitReason"] = "" });
        await Forms.SubmitAsync(clerk, page, "Decide", new() { ["beneficiaryId"] = leaves.ToString(), ["Decision.ExitReason"] = "HouseholdOrBirthChange" });
        var after = await Forms.GetHtmlAsync(clerk, page);
        Assert.Contains("继续享受 1 人，退出 1 人，待年审 0 人", after.Text("#counts"));
        Assert.Equal(9, await Portal.ScalarAsync<int>("SELECT status FROM beneficiaries WHERE id = @id", ("id", leaves)));

        // The exited beneficiary is paid only for the months that began before the exit date.
        var county = await SignInAsync("county");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateRunsAsync(county, year, "Y")).StatusCode);
        var paidMonths = Given.Today.Day == 1 ? Given.Today.Month - 1 : Given.Today.Month;
        Assert.Equal(paidMonths, await Portal.ScalarAsync<int>("SELECT months FROM payment_lines WHERE beneficiary_id = @b", ("b", leaves)));
        Assert.Equal(12, await Portal.ScalarAsync<int>("SELECT months FROM payment_lines WHERE beneficiary_id = @b", ("b", stays)));
    }

    [Fact]
    public async Task PaymentRun_TotalsByTownshipAndExportForTheAgency()
    {
        var (a, _, _) = await _given.CoupleAsync(new DateOnly(1950, 3, 1), children: Sex.Male);
        var (b, _, _) = await _given.CoupleAsync(new DateOnly(1950, 3, 1), Given.Taoyuan, Given.TaoyuanVillage, children: Sex.Male);
        var (c, _, _) = await _given.CoupleAsync(new DateOnly(1950, 3, 1), Given.Taoyuan, Given.TaoyuanVillage, children: Sex.Female);
        await _given.ApprovedAsync(a, new DateOnly(2024, 1, 1));
        await _given.ApprovedAsync(b, new DateOnly(2024, 1, 1));
        await _given.ApprovedAsync(c, new DateOnly(2025, 4, 1));
        await Portal.ScalarAsync<int>("UPDATE persons SET name = '=HYPERLINK(\"x\")' WHERE id = @id", ("id", c));

        var clerk = await SignInAsync("clerk01");
        var refused = await CreateRunsAsync(clerk, 2025, "Y");
        Assert.Contains("发放批次只能由县级工作人员办理", await refused.Content.ReadAsStringAsync());

        var county = await SignInAsync("county");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateRunsAsync(county, 2025, "Y")).StatusCode);
        var page = await Forms.GetHtmlAsync(county, "/Subsidies/Payments");
        var totals = page.QuerySelectorAll("#totals tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(totals, t => t.Contains("龙门街道") && t.Contains("奖扶") && t.Contains("960.00"));
        Assert.Contains(totals, t => t.Contains("桃园街道") && t.Contains("奖扶") && t.Contains("1,680.00")); // 960 + 9 months × 80
        Assert.Equal("2,640.00", page.Text("#grand-total"));

        var again = await CreateRunsAsync(county, 2025, "H2");
        Assert.Contains("该期间已有发放批次", await again.Content.ReadAsStringAsync());

        var taoyuanRun = await Portal.ScalarAsync<long>("SELECT id FROM payment_runs WHERE township_code = @t", ("t", Given.Taoyuan));
        var xlsx = await county.GetByteArrayAsync($"/Subsidies/Payments?handler=Export&runId={taoyuanRun}");
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        var fullId = await Portal.ScalarAsync<string>("SELECT id_number FROM persons WHERE id = @id", ("id", b));
        Assert.Contains(rows, r => (string?)r["公民身份号码"] == fullId);
        Assert.Contains(rows, r => (string?)r["姓名"] == "'=HYPERLINK(\"x\")");
        Assert.Equal(1680d, Convert.ToDouble(rows[^1]["金额（元）"]));

        // The agency pays; the run is marked paid and can no longer be deleted.
        var paid = await Forms.PostAsync(county, "/Subsidies/Payments", new() { ["runId"] = taoyuanRun.ToString(), ["paidOn"] = "2026-01-15" },
            "/Subsidies/Payments?handler=Paid");
        Assert.True(paid.StatusCode == HttpStatusCode.Redirect, (await Forms.ParseAsync(paid)).QuerySelector(".validation-summary-errors")?.TextContent);
        Assert.Equal(new DateOnly(2026, 1, 15), await Portal.ScalarAsync<DateOnly>("SELECT paid_on FROM payment_runs WHERE id = @id", ("id", taoyuanRun)));
        var delete = await Forms.PostAsync(county, "/Subsidies/Payments", new() { ["runId"] = taoyuanRun.ToString() }, "/Subsidies/Payments?handler=Delete");
        Assert.Contains("已发放的批次不能删除", await delete.Content.ReadAsStringAsync());

        // A clerk sees only their township's run, with masked ID numbers, and cannot export another township's.
        var clerkPage = await Forms.GetHtmlAsync(clerk, "/Subsidies/Payments");
        Assert.Single(clerkPage.QuerySelectorAll("#runs tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/Subsidies/Payments?handler=Export&runId={taoyuanRun}")).StatusCode);
    }

    [Fact]
    public async Task PaymentRun_RateChangeInJulyAndSixtiethBirthdayInApril_AreProratedToTheMonth()
    {
        var admin = await SignInAsync("admin");
        var added = await Forms.PostAsync(admin, "/Admin/SubsidyRates", new()
        {
            ["Input.Programme"] = "RewardSupport",
            ["Input.Category"] = "Standard",
            ["Input.RegionCode"] = "371426",
            ["Input.EffectiveFrom"] = "2026-07-01",
            ["Input.MonthlyAmount"] = "100",
            ["Input.Note"] = "县提标",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'SubsidyRate' AND action = 1"));

        var (older, _, _) = await _given.CoupleAsync(new DateOnly(1950, 3, 1), children: Sex.Male);
        var (turning60, _, _) = await _given.CoupleAsync(new DateOnly(1966, 4, 15), children: Sex.Female);
        var a = await _given.ApprovedAsync(older, new DateOnly(2025, 1, 1));
        var b = await _given.ApprovedAsync(turning60, new DateOnly(2026, 2, 1));
        var county = await SignInAsync("county");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateRunsAsync(county, 2026, "Y")).StatusCode);

        Assert.Equal(6 * 80m + 6 * 100m, await Portal.ScalarAsync<decimal>("SELECT amount FROM payment_lines WHERE beneficiary_id = @b", ("b", a)));
        Assert.Equal(2 * 80m + 6 * 100m, await Portal.ScalarAsync<decimal>("SELECT amount FROM payment_lines WHERE beneficiary_id = @b", ("b", b)));
        Assert.Equal("2026-05至2026-06 2个月×80.00元；2026-07至2026-12 6个月×100.00元",
            await Portal.ScalarAsync<string>("SELECT detail FROM payment_lines WHERE beneficiary_id = @b", ("b", b)));
    }

    [Fact]
    public async Task RateTable_RefusesADuplicateDateAndAMissingChildAge()
    {
        var admin = await SignInAsync("admin");
        var duplicate = await Forms.PostAsync(admin, "/Admin/SubsidyRates", new()
        {
            ["Input.Programme"] = "RewardSupport",
            ["Input.Category"] = "Standard",
            ["Input.EffectiveFrom"] = "2012-01-01",
            ["Input.MonthlyAmount"] = "80",
        });
        Assert.Contains("该项目、类别、地区在这一天已有标准", await duplicate.Content.ReadAsStringAsync());
        var noAge = await Forms.PostAsync(admin, "/Admin/SubsidyRates", new()
        {
            ["Input.Programme"] = "OneChildReward",
            ["Input.Category"] = "Standard",
            ["Input.EffectiveFrom"] = "2026-01-01",
            ["Input.MonthlyAmount"] = "20",
        });
        Assert.Contains("须填写截止年龄", await noAge.Content.ReadAsStringAsync());
        Assert.Equal(8L, await Portal.ScalarAsync<long>("SELECT count(*) FROM subsidy_rates"));

        await Forms.PostAsync(admin, "/Admin/SubsidyRates", new()
        {
            ["Input.Programme"] = "RewardSupport",
            ["Input.Category"] = "Standard",
            ["Input.EffectiveFrom"] = "2026-01-01",
            ["Input.MonthlyAmount"] = "800",
        });
        var mistaken = await Portal.ScalarAsync<int>("SELECT id FROM subsidy_rates WHERE monthly_amount = 800");
        var deleted = await Forms.PostAsync(admin, "/Admin/SubsidyRates", new() { ["rateId"] = mistaken.ToString() }, "/Admin/SubsidyRates?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(8L, await Portal.ScalarAsync<long>("SELECT count(*) FROM subsidy_rates"));
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'SubsidyRate' AND action = 3"));
    }
}
