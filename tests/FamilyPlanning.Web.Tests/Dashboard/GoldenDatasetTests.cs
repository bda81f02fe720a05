using System.Net;
using System.Text.Json;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Dashboard;

/// <summary>
/// A small township whose every figure for 2026H1 is computed by hand below, entered through the pages where a clerk would
/// enter it. Boundaries: a birth on 30 June (in) and twins on 1 July (out), a death and a move-out mid-period, a move-in,
/// a woman turning 50 on 15 May (out of the married WCBA at the end), twins inside the period, a birth reported late and one
/// from last December reported in January.
/// </summary>
public class GoldenDatasetTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    /// <summary>The dataset is written for 2026 and moved by whole years to the last year whose first half (and the July
    /// reports of it) lie before the test clock's today, so every age and figure below stays as computed.</summary>
    private static readonly int DatasetYear = (Given.Today >= new DateOnly(Given.Today.Year, 7, 10) ? Given.Today.Year : Given.Today.Year - 1);
    private static readonly string H1 = $"{DatasetYear}H1";
    private static DateOnly On(int year, int month, int day) => new(year + DatasetYear - 2026, month, day);
    private static string S(string date) => On(int.Parse(date[..4]), int.Parse(date[5..7]), int.Parse(date[8..])).ToString("yyyy-MM-dd");

    private async Task ArrangeAsync()
    {
        var household = await _given.HouseholdAsync();
        await _given.PersonAsync(household, "甲", Sex.Male, On(1980, 1, 1), relation: Relation.Head);
        var b = await _given.PersonAsync(household, "乙", Sex.Male, On(1985, 3, 3), relation: Relation.Other);
        var c = await _given.PersonAsync(household, "丙", Sex.Male, On(1990, 1, 1), relation: Relation.Other);
        var d = await _given.PersonAsync(household, "丁", Sex.Male, On(2000, 1, 1), relation: Relation.Other);
        var e = await _given.PersonAsync(household, "戊", Sex.Male, On(1995, 1, 1), relation: Relation.Other);
        var (m1, _, _) = await _given.MotherAsync(On(1976, 5, 15), name: "一");
        var (m2, m2p, _) = await _given.MotherAsync(On(1995, 2, 2), name: "二");
        var (m3, _, _) = await _given.MotherAsync(On(1993, 1, 1), girls: 1, name: "三");
        var (m4, _, _) = await _given.MotherAsync(On(1990, 1, 1), boys: 2, name: "四");
        var (m5, _, _) = await _given.MotherAsync(On(1988, 1, 1), boys: 2, girls: 1, name: "五");
        var (m6, _, _) = await _given.MotherAsync(On(1992, 1, 1), boys: 1, name: "六");
        var (m7, _, _) = await _given.MotherAsync(On(1994, 1, 1), name: "七");
        await _given.Db(async db =>
        {
            (await db.Persons.FindAsync(b))!.DiedOn = On(2026, 3, 10);
            (await db.Persons.FindAsync(c))!.MovedOutOn = On(2026, 2, 1);
            (await db.Persons.FindAsync(d))!.MovedInOn = On(2026, 4, 1);
            (await db.Persons.FindAsync(e))!.Residence = Residence.InMigrant;
            (await db.Women.FindAsync(m2))!.Exemption = Exemption.Pregnant;
            var w7 = (await db.Women.FindAsync(m7))!;
            w7.OneChildCertificate = "鲁独0001";
            w7.OneChildCertificateOn = On(2026, 2, 1);
            void Event(long woman, ContraceptiveType t, DateOnly on) => db.ContraceptiveEvents.Add(new ContraceptiveEvent
            {
                WomanId = woman,
                TownshipCode = Given.Longmen,
                VillageCode = Given.LongmenVillage,
                Type = t,
                Date = on,
                Institution = Institution.TownshipClinic,
            });
            Event(m4, ContraceptiveType.IudInsertion, On(2024, 1, 1));
            Event(m5, ContraceptiveType.TubalLigation, On(2026, 3, 15));
            Event(m6, ContraceptiveType.Condom, On(2025, 1, 1));
            Event(m3, ContraceptiveType.IudInsertion, On(2020, 1, 1));
            Event(m3, ContraceptiveType.IudRemoval, On(2025, 6, 1));
            Event(m3, ContraceptiveType.Abortion, On(2026, 5, 5));
            Event(m1, ContraceptiveType.IudInsertion, On(2026, 1, 15));
            db.Targets.Add(new Target
            {
                TownshipCode = Given.Longmen,
                Year = DatasetYear,
                BirthTarget = 10,
                PlannedBirthRateTarget = 90m,
                SterilisationTask = 2,
                IudTask = 2,
                AbortionTask = 1,
                InducedLabourTask = 1,
            });
            return await db.SaveChangesAsync();
        });

        var clerk = await SignInAsync("clerk01");
        async Task Deliver(long mother, string date, string reported, params (string name, string sex)[] kids)
        {
            var f = new Dictionary<string, string> { ["Input.MotherId"] = mother.ToString(), ["Input.BirthDate"] = date, ["Input.ReportedOn"] = reported };
            for (var i = 0; i < kids.Length; i++)
            {
                f[$"Input.Children[{i}].Name"] = kids[i].name;
                f[$"Input.Children[{i}].Sex"] = kids[i].sex;
            }
            var response = await Forms.PostAsync(clerk, $"/Births/Register?motherId={mother}", f);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"arrange birth {date}: {(int)response.StatusCode}");
        }
        await Deliver(m2, S("2026-06-30"), S("2026-07-03"), ("二子", "Male"));
        await Deliver(m3, S("2026-07-01"), S("2026-07-02"), ("三双甲", "Male"), ("三双乙", "Female"));
        await Deliver(m4, S("2026-03-01"), S("2026-04-10"), ("四女", "Female"));
        await Deliver(m5, S("2026-02-01"), S("2026-02-01"), ("五子", "Male"));
        await Deliver(m6, S("2026-04-10"), S("2026-04-10"), ("六双甲", "Male"), ("六双乙", "Female"));
        await Deliver(m7, S("2025-12-20"), S("2026-01-10"), ("七子", "Male"));
        _ = m2p;
    }

    private static readonly Dictionary<string, string> Expected = new()
    {
        // Start (2025-12-31): 甲 乙 丙, mothers 一…七, 七子 = 11. End (2026-06-30): 甲 丁, mothers 一…七, 5 babies of the half-year, 七子 = 15.
        ["population"] = "15",
        ["average_population"] = "13",
        ["in_migrants"] = "1",
        // 二子 (6-30), 四女, 五子, 六双甲, 六双乙 — the 7-1 twins and last December's 七子 are outside.
        ["births"] = "5",
        ["boys"] = "3",
        ["girls"] = "2",
        ["birth_rate"] = "384.62‰",                 // 5 ÷ 13 × 1000
        ["deaths"] = "1",
        ["death_rate"] = "76.92‰", // 乙 on 3-10
        ["natural_growth_rate"] = "307.69‰",         // (5 − 1) ÷ 13 × 1000
        ["compliant_births"] = "4",
        ["planned_birth_rate"] = "80.00%",           // 五子 is a fourth child: 政策外
        ["first_child"] = "1",
        ["second_child"] = "1",
        ["multi_child"] = "3",
        ["second_child_compliance"] = "100.00%",
        ["first_child_share"] = "20.00%",
        ["second_child_share"] = "20.00%",
        ["multi_child_share"] = "60.00%",
        ["out_of_policy_multi_rate"] = "20.00%",
        ["sex_ratio"] = "150.0",
        ["married_wcba"] = "6",                      // 二…七; 一 turned 50 on 5-15
        ["contraceptive_prevalence"] = "60.00%",     // 四 IUD, 五 sterilised, 六 condom ÷ (6 − 二 exempt)
        ["sterilisations"] = "1",
        ["iud_insertions"] = "1",
        ["iud_removals"] = "0",
        ["abortions"] = "1",
        ["induced_labours"] = "0",
        ["four_procedures"] = "3",
        ["four_procedures_completion"] = "50.00%",
        ["abortion_ratio"] = "100:20.00",
        ["birth_target"] = "10",
        ["birth_target_share"] = "50.00%",
        ["late_reports"] = "1",                      // 四女: born 3-01, reported 4-10, after the 5 April deadline
        ["earlier_years_reported"] = "1",            // 七子
        ["one_child_certificates"] = "1",
    };

    [Fact]
    public async Task Api_GoldenTownship_EveryIndicatorAsComputedByHand()
    {
        await ArrangeAsync();
        var county = await SignInAsync("county");
        var json = JsonDocument.Parse(await county.GetStringAsync($"/api/indicators?period={H1}&township={Given.Longmen}")).RootElement;
        Assert.Equal(S("2026-01-01"), json.GetProperty("period").GetProperty("from").GetString());
        var figures = json.GetProperty("total").GetProperty("indicators");
        foreach (var (key, text) in Expected)
            Assert.True(figures.GetProperty(key).GetProperty("text").GetString() == text,
                $"{key}: expected {text}, got {figures.GetProperty(key).GetProperty("text").GetString()}");

        // Same period last year: 10 people throughout, no births.
        Assert.Equal("0.00‰", figures.GetProperty("birth_rate").GetProperty("lastYearText").GetString());
        Assert.Equal("—", figures.GetProperty("planned_birth_rate").GetProperty("lastYearText").GetString());
        Assert.Equal("—", figures.GetProperty("sex_ratio").GetProperty("lastYearText").GetString());
    }

    [Fact]
    public async Task Page_ShowsTheSameFiguresAsTheApi()
    {
        await ArrangeAsync();
        var county = await SignInAsync("county");
        var page = await Forms.GetHtmlAsync(county, $"/Dashboard/Township?code={Given.Longmen}&period={H1}");
        foreach (var key in new[] { "population", "births", "birth_rate", "planned_birth_rate", "sex_ratio", "natural_growth_rate",
                     "contraceptive_prevalence", "four_procedures", "birth_target_share", "abortion_ratio" })
            Assert.Equal(Expected[key], page.QuerySelector($"#kpis [data-key={key}] .kpi-value")!.TextContent.Trim());

        var months = page.QuerySelectorAll("#months tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(6, months.Count);
        Assert.Contains($"{DatasetYear}-04", months[3]);
        Assert.Contains("2", months[3]);

        // The county view lists the township with the same figures.
        var all = await Forms.GetHtmlAsync(county, $"/Dashboard?period={H1}");
        var row = all.QuerySelectorAll("#townships tbody tr").Single(r => r.TextContent.Contains("龙门街道")).TextContent;
        Assert.Contains("384.62‰", row);
        Assert.Contains("80.00%", row);
    }

    [Fact]
    public async Task Clerk_SeesOnlyTheirOwnTownship()
    {
        await ArrangeAsync();
        var clerk2 = await SignInAsync("clerk02");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/api/indicators?period={H1}&township={Given.Longmen}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/Dashboard/Township?code={Given.Longmen}&period={H1}")).StatusCode);
        var own = JsonDocument.Parse(await clerk2.GetStringAsync($"/api/indicators?period={H1}&township=all")).RootElement;
        Assert.Equal(Given.Taoyuan, own.GetProperty("total").GetProperty("code").GetString());
        Assert.Equal("0", own.GetProperty("total").GetProperty("indicators").GetProperty("births").GetProperty("text").GetString());

        var clerk1 = await SignInAsync("clerk01");
        var home = await Forms.GetHtmlAsync(clerk1, "/");
        Assert.NotNull(home.QuerySelector("#kpis"));
    }

    [Fact]
    public async Task Api_BadPeriod_GivesAChineseMessage_AndAnonymousGets401()
    {
        var county = await SignInAsync("county");
        var bad = await county.GetAsync("/api/indicators?period=2026H3");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("期间格式应为", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Portal.Browser().GetAsync($"/api/indicators?period={H1}")).StatusCode);
        var admin = await SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/api/indicators?period={H1}")).StatusCode);
    }

    private static string PdfText(byte[] bytes, out int pages)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        pages = pdf.NumberOfPages;
        return string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
    }

    [Fact]
    public async Task Pdf_TownshipSummary_HoldsTheApiFiguresAndTheNarrative()
    {
        await ArrangeAsync();
        var clerk = await SignInAsync("clerk01");
        var page = $"/Reports/HalfYear?area=371426001000&year={DatasetYear}&part=H1";
        var saved = await Forms.PostAsync(clerk, page, new()
        {
            ["Input.Practices"] = "坚持村级月报制度，逐户核实育龄妇女信息。",
            ["Input.Problems"] = "个别村报告不及时。",
            ["Input.Plans"] = "下半年重点做好补报核查。",
            ["Input.ResponsiblePerson"] = "李镇长",
            ["Input.Preparer"] = "王统计",
        }, $"/Reports/HalfYear?handler=Narrative&area=371426001000&year={DatasetYear}&part=H1");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'NarrativeDraft'"));

        var preview = await Forms.GetHtmlAsync(clerk, page);
        Assert.Contains($"龙门街道{DatasetYear}年上半年人口和计划生育工作总结", preview.Text("#preview h1"));
        Assert.Contains("全街道总人口15人", preview.Text("#paragraph"));

        var response = await clerk.GetAsync($"/Reports/HalfYear?handler=Pdf&area=371426001000&year={DatasetYear}&part=H1");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync(), out var pages);
        foreach (var piece in new[] { "全街道总人口15人", "人口出生5人（男3人，女2人）", "出生率384.62‰", "计划生育率80.00%",
                     "出生婴儿性别比150.0", "自然增长率307.69‰", "占全年任务6例的50.00%", "坚持村级月报制度", "负责人：李镇长" })
            Assert.Contains(piece, text);
        Assert.Contains($"第1页共{pages}页", text);
    }

    [Fact]
    public async Task Pdf_CountySummary_ListsEveryTownship_AndDashesForEmptyDenominators()
    {
        await ArrangeAsync();
        var leader = await SignInAsync("leader");
        var bytes = await leader.GetByteArrayAsync($"/Reports/HalfYear?handler=Pdf&area=county&year={DatasetYear}&part=H1");
        Assert.True(bytes.Length < 300 * 1024, $"county PDF is {bytes.Length / 1024} KB");
        var text = PdfText(bytes, out var pages);
        Assert.Contains($"平原县{DatasetYear}年上半年人口和计划生育工作总结", text);
        foreach (var township in FamilyPlanning.Core.Demo.DemoPlaces.Build().Townships.Select(t => t.Name)) Assert.Contains(township, text);
        var preview = await Forms.GetHtmlAsync(leader, $"/Reports/HalfYear?area=county&year={DatasetYear}&part=H1");
        Assert.Equal(17, preview.QuerySelectorAll("#township-table tbody tr").Length);
        Assert.Contains("384.62‰", preview.QuerySelectorAll("#township-table tbody tr").Single(r => r.TextContent.Contains("龙门街道")).TextContent);
        Assert.Contains($"第{pages}页共{pages}页", text);
        var taoyuan = await leader.GetByteArrayAsync($"/Reports/HalfYear?handler=Pdf&area={Given.Taoyuan}&year={DatasetYear}&part=H1");
        Assert.Contains("计划生育率—", PdfText(taoyuan, out _));

        // The font is embedded as a subset (a six-letter tag before its name).
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
            Assert.Matches("^[A-Z]{6}\\+", pdf.GetPage(1).Letters.First(l => l.Value == "平").FontName);

        // Every export is archived byte for byte with its SHA-256, and can be downloaded again identically.
        var id = await Portal.ScalarAsync<long>("SELECT id FROM report_exports WHERE area = 'county' ORDER BY at LIMIT 1");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            await Portal.ScalarAsync<string>("SELECT sha256 FROM report_exports WHERE id = @id", ("id", id)));
        Assert.Equal("5", await Portal.ScalarAsync<string>("SELECT figures->>'births' FROM report_exports WHERE id = @id", ("id", id)));
        Assert.Equal(bytes, await leader.GetByteArrayAsync($"/Reports/Archive?handler=Download&id={id}"));
        Assert.Contains($"平原县{DatasetYear}年上半年人口和计划生育工作总结", await leader.GetStringAsync("/Reports/Archive"));

        var clerk2 = await SignInAsync("clerk02");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/Reports/Archive?handler=Download&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/Reports/HalfYear?handler=Pdf&area=county&year={DatasetYear}&part=H1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/Reports/HalfYear?handler=Pdf&area=371426001000&year={DatasetYear}&part=H1")).StatusCode);
    }
}
