using System.Net;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.Monthly;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static FamilyPlanning.Web.Tests.Imports.ImportFiles;

namespace FamilyPlanning.Web.Tests.Imports;

/// <summary>Women, births, contraception and life events through the upload page; the month lock; a dropped connection.</summary>
public class RegisterImportTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(HttpClient client, Template t, IEnumerable<string[]> rows)
    {
        var response = await Forms.UploadAsync(client, "/Imports", new() { ["Kind"] = t.Slug }, "Upload", t.Slug + ".csv",
            Utf8Bom(CsvText(t, rows)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await Forms.GetHtmlAsync(client, response.Headers.Location!.OriginalString);
    }

    private async Task<string> MotherIdAsync(DateOnly birth, int boys = 0)
    {
        var (_, person, _) = await _given.MotherAsync(birth, boys);
        return (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}"))!;
    }

    [Fact]
    public async Task Post_Births_TwinsGetOneDeliveryAndConsecutiveParities_ReimportChangesNothing()
    {
        var mother = await MotherIdAsync(new DateOnly(1994, 4, 4), boys: 1);
        var day = Given.Today.AddMonths(-2).ToString("yyyy-MM-dd");
        var rows = new List<string[]>
        {
            new[] { mother, "大宝", "男", day, "县医院", "Q1000001", "", "", "", day },
            new[] { mother, "二宝", "女", day, "县医院", "Q1000002", "", "", "", day },
        };
        var clerk = await SignInAsync("clerk01");

        Assert.Contains("新增 2 行", (await UploadAsync(clerk, ImportTemplates.Births, rows)).Text("#outcome"));
        var births = await Portal.ScalarAsync<string>(
            "SELECT string_agg(parity || ':' || policy_status, ',' ORDER BY parity) || '|' || count(DISTINCT delivery_id) FROM births WHERE certificate_number LIKE 'Q1%'");
        Assert.Equal("2:1,3:1|1", births);   // 1 boy before: twins are parities 2 and 3, judged together: both compliant
        Assert.Equal(2, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons WHERE name IN ('大宝', '二宝') AND relation IN (3, 4, 6, 9)"));

        Assert.Contains("新增 0 行，更新 0 行，未变 2 行", (await UploadAsync(clerk, ImportTemplates.Births, rows)).Text("#outcome"));
        Assert.Equal(2, await Portal.ScalarAsync<long>("SELECT count(*) FROM births WHERE certificate_number LIKE 'Q1%'"));
    }

    [Fact]
    public async Task Post_BirthInSubmittedMonth_RefusedWithTheMonth()
    {
        var mother = await MotherIdAsync(new DateOnly(1994, 4, 4));
        var month = new DateOnly(Given.Today.Year, Given.Today.Month, 1).AddMonths(-1);
        await _given.Db(async db =>
        {
            db.MonthlyReports.Add(new MonthlyReport { TownshipCode = Given.Longmen, Month = month, Status = ReportStatus.Submitted });
            return await db.SaveChangesAsync();
        });
        var clerk = await SignInAsync("clerk01");
        var day = month.AddDays(9).ToString("yyyy-MM-dd");

        var page = await UploadAsync(clerk, ImportTemplates.Births, [[mother, "锁月", "男", day, "", "", "", "", "", day]]);

        Assert.Contains($"{month:yyyy年M月}的月报已上报", page.Text("#problems"));
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons WHERE name = '锁月'"));
    }

    [Fact]
    public async Task Post_Women_CreatesRecords_MaleRowNamed()
    {
        var household = await _given.HouseholdAsync();
        var she = await _given.PersonAsync(household, "王芳", Sex.Female, new DateOnly(1990, 2, 2));
        var he = await _given.PersonAsync(household, "王刚", Sex.Male, new DateOnly(1988, 3, 3), relation: Relation.Head);
        var herId = await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {she}");
        var hisId = await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {he}");
        var clerk = await SignInAsync("clerk01");

        var bad = await UploadAsync(clerk, ImportTemplates.Women,
        [
            [herId!, "王芳", "2012-05-01", "1", "0", "", "", "", "", "2015-01-01"],
            [hisId!, "王刚", "2012-05-01", "0", "0", "", "", "", "", "2015-01-01"],
        ]);
        Assert.Contains("王刚不是女性", bad.Text("#problems"));
        Assert.Equal(0, await Portal.ScalarAsync<long>($"SELECT count(*) FROM women WHERE person_id = {she}"));

        var good = await UploadAsync(clerk, ImportTemplates.Women, [[herId!, "王芳", "2012-05-01", "1", "0", "", "", "", "", "2015-01-01"]]);
        Assert.Contains("新增 1 行", good.Text("#outcome"));
        Assert.Equal(1, await Portal.ScalarAsync<int>($"SELECT boys_before FROM women WHERE person_id = {she}"));
    }

    [Fact]
    public async Task Post_WomanRecordForAMarriedPerson_HerMarriedOnBecomesTheMarriageFact()
    {
        var household = await _given.HouseholdAsync();
        var she = await _given.PersonAsync(household, "王芳", Sex.Female, new DateOnly(1990, 3, 3));
        var herId = await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {she}");
        var clerk = await SignInAsync("clerk01");
        var page = await UploadAsync(clerk, ImportTemplates.Women, [[herId!, "王芳", "2020-05-01", "0", "0", "", "", "", "", "2015-01-01"]]);
        Assert.Contains("新增 1 行", page.Text("#outcome"));

        var county = await SignInAsync("county");
        foreach (var (period, expected) in new[] { ("2019", "0"), ("2020", "1") })
            Assert.Equal(expected, await IndicatorApi.FigureAsync(county, period, "married_wcba"));
    }

    [Fact]
    public async Task Post_RowWithoutItsIdNumber_OneMessageForThatCell()
    {
        var clerk = await SignInAsync("clerk01");
        var page = await UploadAsync(clerk, ImportTemplates.Women, [["", "王芳", "2012-05-01", "1", "0", "", "", "", "", "2015-01-01"]]);

        var problems = page.QuerySelectorAll("#problems tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(["2公民身份号码请填写公民身份号码"], problems);
    }

    [Fact]
    public async Task Post_Contraception_CheckedInDateOrderWithinTheFile()
    {
        var mother = await MotherIdAsync(new DateOnly(1992, 6, 6));
        var clerk = await SignInAsync("clerk01");
        var t = ImportTemplates.Contraception;
        var d1 = Given.Today.AddMonths(-3).ToString("yyyy-MM-dd");
        var d2 = Given.Today.AddMonths(-2).ToString("yyyy-MM-dd");

        var bad = await UploadAsync(clerk, t, [[mother, "李秀英", "取环", d1, "乡服务所", "否", ""]]);
        Assert.Contains("没有放置宫内节育器", bad.Text("#problems"));

        var good = await UploadAsync(clerk, t,
        [
            [mother, "李秀英", "取环", d2, "乡服务所", "否", ""],
            [mother, "李秀英", "放环", d1, "县服务站", "是", "=HYPERLINK(\"x\")"],
        ]);
        Assert.Contains("新增 2 行", good.Text("#outcome"));
        Assert.Equal(2, await Portal.ScalarAsync<long>("SELECT count(*) FROM contraceptive_events"));
    }

    [Fact]
    public async Task Post_LifeEvents_SeveralMovesOfOnePersonInAnyOrder_EachADatedFact()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "往返人", Sex.Male, new DateOnly(1980, 1, 1), relation: Relation.Head);
        var id = await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}");
        var clerk = await SignInAsync("clerk01");
        string[][] rows = [[id!, "往返人", "迁出", "2026-02-01", "浙江省"], [id!, "往返人", "迁出", "2025-03-01", "广东省"],
            [id!, "往返人", "迁入", "2025-09-01", ""]];

        Assert.Contains("更新 3 行", (await UploadAsync(clerk, ImportTemplates.LifeEvents, rows)).Text("#outcome"));
        Assert.Contains("未变 3 行", (await UploadAsync(clerk, ImportTemplates.LifeEvents, rows)).Text("#outcome"));
        Assert.Equal("2026-02-01", (await Portal.ScalarAsync<DateOnly>($"SELECT moved_out_on FROM persons WHERE id = {person}")).ToString("yyyy-MM-dd"));
        var county = await SignInAsync("county");
        foreach (var (period, expected) in new[] { ("2024", "1"), ("2025H1", "0"), ("2025", "1"), ("2026H1", "0") })
            Assert.Equal(expected, await IndicatorApi.FigureAsync(county, period, "population"));
    }

    [Fact]
    public async Task Post_LifeEvents_DeathRecordedOnce()
    {
        var household = await _given.HouseholdAsync();
        var old = await _given.PersonAsync(household, "王老汉", Sex.Male, new DateOnly(1940, 1, 1), relation: Relation.Parent);
        var id = await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {old}");
        var clerk = await SignInAsync("clerk01");
        var day = Given.Today.AddMonths(-1).ToString("yyyy-MM-dd");
        string[][] rows = [[id!, "王老汉", "死亡", day, ""]];

        Assert.Contains("更新 1 行", (await UploadAsync(clerk, ImportTemplates.LifeEvents, rows)).Text("#outcome"));
        Assert.Equal(day, (await Portal.ScalarAsync<DateOnly>($"SELECT died_on FROM persons WHERE id = {old}")).ToString("yyyy-MM-dd"));
        Assert.Contains("未变 1 行", (await UploadAsync(clerk, ImportTemplates.LifeEvents, rows)).Text("#outcome"));
        Assert.Equal(1, await Portal.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE entity = 'Person' AND entity_key = '{old}' AND action = 2"));
    }

    [Fact]
    public async Task Post_SubsidyApplications_IneligibleRowRejectsTheFile_ThenImportsOnceOnly()
    {
        var (husband, _, household) = await _given.CoupleAsync(new DateOnly(1960, 2, 1), children: Sex.Female);
        var daughter = await Portal.ScalarAsync<long>($"SELECT id FROM persons WHERE household_id = {household} AND relation = 4");
        var hisId = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {husband}"))!;
        var herId = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {daughter}"))!;
        var clerk = await SignInAsync("clerk01");
        var t = ImportTemplates.SubsidyApplications;
        string[] good = [hisId, "赵大爷", "奖扶", "", "0", "0", "2026-03-01", ""];

        var bad = await UploadAsync(clerk, t, [good, [herId, "赵女", "奖扶", "", "0", "0", "2026-03-01", ""]]);
        Assert.Contains("未满60周岁", bad.Text("#problems"));
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM beneficiaries"));
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'Beneficiary'"));

        Assert.Contains("新增 1 行", (await UploadAsync(clerk, t, [good])).Text("#outcome"));
        Assert.Contains("未变 1 行", (await UploadAsync(clerk, t, [good])).Text("#outcome"));
        Assert.Equal(1, await Portal.ScalarAsync<long>($"SELECT count(*) FROM beneficiaries WHERE person_id = {husband} AND status = 1"));
    }

    [Fact]
    public async Task Import_ConnectionDropsWhileWriting_NothingWritten_RetrySucceeds()
    {
        var file = Utf8Bom(CsvText(ImportTemplates.Persons, Couples(200)));
        var clerk = new UserScope("u-clerk01", "clerk01", new HashSet<string> { Roles.TownshipClerk }, Given.Longmen);

        using (var scope = Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var service = new ImportService(db, new Fixed(clerk), Portal.Clock, scope.ServiceProvider.GetRequiredService<FamilyPlanning.Core.Subsidies.SubsidyService>(),
                scope.ServiceProvider.GetRequiredService<RegisterRules>());
            var kill = new KillOnStage(Portal.ConnectionString, () => ((NpgsqlConnection)db.Database.GetDbConnection()).ProcessID, "写入人员");
            var error = await Assert.ThrowsAsync<FamilyPlanning.Core.Common.RuleViolation>(() =>
                service.ImportAsync(ImportKind.Persons, "p.csv", file, kill, CancellationToken.None));
            Assert.Contains("没有写入任何数据", error.Message);
            Assert.True(kill.Killed);
        }
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM households WHERE number LIKE 'IMP%'"));
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE user_name = 'clerk01'"));

        using (var scope = Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var result = await new ImportService(db, new Fixed(clerk), Portal.Clock, scope.ServiceProvider.GetRequiredService<FamilyPlanning.Core.Subsidies.SubsidyService>(),
                scope.ServiceProvider.GetRequiredService<RegisterRules>())
                .ImportAsync(ImportKind.Persons, "p.csv", file, null, CancellationToken.None);
            Assert.True(result.Succeeded);
            Assert.Equal(400, result.Created);
        }
        Assert.Equal(200, await Portal.ScalarAsync<long>("SELECT count(*) FROM households WHERE number LIKE 'IMP%'"));
    }

    private sealed class Fixed(UserScope scope) : ICurrentUser
    {
        public UserScope Scope => scope;
    }

    /// <summary>Terminates the import's database session from another connection when the import reaches a stage.</summary>
    private sealed class KillOnStage(string connectionString, Func<int> pid, string stage) : IProgress<ImportProgress>
    {
        public bool Killed { get; private set; }

        public void Report(ImportProgress value)
        {
            if (Killed || value.Stage != stage) return;
            using var conn = new NpgsqlConnection(connectionString);
            conn.Open();
            using var cmd = new NpgsqlCommand($"SELECT pg_terminate_backend({pid()})", conn);
            cmd.ExecuteScalar();
            Killed = true;
        }
    }
}
