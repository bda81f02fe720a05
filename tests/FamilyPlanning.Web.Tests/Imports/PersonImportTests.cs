using System.Net;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;
using static FamilyPlanning.Web.Tests.Imports.ImportFiles;

namespace FamilyPlanning.Web.Tests.Imports;

public class PersonImportTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly Template T = ImportTemplates.Persons;

    private async Task<(HttpResponseMessage response, AngleSharp.Html.Dom.IHtmlDocument page)> UploadAsync(HttpClient client,
        string kind, string fileName, byte[] content)
    {
        var response = await Forms.UploadAsync(client, "/Imports", new() { ["Kind"] = kind }, "Upload", fileName, content);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var page = await Forms.GetHtmlAsync(client, response.Headers.Location!.OriginalString);
            return (response, page);
        }
        return (response, await Forms.ParseAsync(response));
    }

    private Task<long> CountAsync(string table) =>
        Portal.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE township_code = '{Given.Longmen}'")!;

    [Fact]
    public async Task Post_PersonsCsvUtf8Bom_CreatesHouseholdsPersonsAndAuditRows()
    {
        var clerk = await SignInAsync("clerk01");
        var (_, page) = await UploadAsync(clerk, "persons", "人口.csv", Utf8Bom(CsvText(T, Couples(150))));

        Assert.Contains("新增 300 行", page.Text("#outcome"));
        Assert.Equal(150, await Portal.ScalarAsync<long>("SELECT count(*) FROM households WHERE number LIKE 'IMP%'"));
        Assert.Equal(300, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id WHERE h.number LIKE 'IMP%'"));
        Assert.Equal(300, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'Person' AND action = 1 AND user_name = 'clerk01'"));
        Assert.Equal(150, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'Household' AND after->>'Number' LIKE 'IMP%'"));
        var wife = await Portal.ScalarAsync<string>("SELECT name || '|' || sex || '|' || relation || '|' || marital_status FROM persons WHERE name = '妻子7'");
        Assert.Equal($"妻子7|{(int)Sex.Female}|{(int)Relation.Spouse}|{(int)MaritalStatus.FirstMarriage}", wife);
    }

    [Fact]
    public async Task Post_PersonsCsvGbk_ReadsChineseText()
    {
        var clerk = await SignInAsync("clerk01");
        var (_, page) = await UploadAsync(clerk, "persons", "人口_gbk.csv", Gbk(CsvText(T, Couples(3))));

        Assert.Contains("新增 6 行", page.Text("#outcome"));
        Assert.Equal("一组1号", await Portal.ScalarAsync<string>("SELECT address FROM households WHERE number = 'IMP00001'"));
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT count(*) FROM persons WHERE name = '妻子2'"));
    }

    [Fact]
    public async Task Post_PersonsXlsx_Imports()
    {
        var clerk = await SignInAsync("clerk01");
        var (_, page) = await UploadAsync(clerk, "persons", "人口.xlsx", Xlsx(T, Couples(5)));

        Assert.Contains("新增 10 行", page.Text("#outcome"));
        Assert.Equal(5, await Portal.ScalarAsync<long>("SELECT count(*) FROM households WHERE number LIKE 'IMP%'"));
    }

    [Fact]
    public async Task Post_SameFileTwice_SecondCreatesNothing_ChangedRowUpdatesAndIsAudited()
    {
        var clerk = await SignInAsync("clerk01");
        var rows = Couples(20);
        await UploadAsync(clerk, "persons", "a.csv", Utf8Bom(CsvText(T, rows)));
        var persons = await CountAsync("persons");

        var (_, again) = await UploadAsync(clerk, "persons", "a.csv", Utf8Bom(CsvText(T, rows)));
        Assert.Contains("新增 0 行，更新 0 行，未变 40 行", again.Text("#outcome"));
        Assert.Equal(persons, await CountAsync("persons"));

        rows[3][10] = "离婚";
        var (_, changed) = await UploadAsync(clerk, "persons", "a.csv", Utf8Bom(CsvText(T, rows)));
        Assert.Contains("新增 0 行，更新 1 行，未变 39 行", changed.Text("#outcome"));
        Assert.Equal((int)MaritalStatus.Divorced, await Portal.ScalarAsync<int>("SELECT marital_status FROM persons WHERE name = '妻子1'"));
        var audit = await Portal.ScalarAsync<string>(
            "SELECT before->>'MaritalStatus' || '>' || (after->>'MaritalStatus') FROM audit_log WHERE entity = 'Person' AND action = 2");
        Assert.Equal("FirstMarriage>Divorced", audit);
    }

    [Fact]
    public async Task Post_FileWithFiveProblems_RejectedWholeWithOneMessageEach()
    {
        var clerk = await SignInAsync("clerk01");
        var rows = Couples(50);
        rows[4][8] = "371426198001050011";                 // row 6: wrong check character
        rows[9][1] = "371426001999";                       // row 11: no such village
        rows[14][7] = Given.Today.AddDays(3).ToString("yyyy-MM-dd"); // row 16: born in the future
        rows[14][8] = "";
        rows.Add(rows[20]);                                // row 102: the same person twice
        rows[30][1] = Given.TaoyuanVillage;                // row 32: another township's village
        var before = await CountAsync("persons");

        var (_, page) = await UploadAsync(clerk, "persons", "bad.csv", Utf8Bom(CsvText(T, rows)));

        Assert.Contains("发现 5 个问题", page.Text("#outcome"));
        var problems = page.QuerySelectorAll("#problems tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("6公民身份号码") && p.Contains("校验位"));
        Assert.Contains(problems, p => p.StartsWith("11村（居）") && p.Contains("371426001999"));
        Assert.Contains(problems, p => p.StartsWith("16出生日期") && p.Contains("不能晚于今天"));
        Assert.Contains(problems, p => p.StartsWith("102公民身份号码") && p.Contains("与第22行重复"));
        Assert.Contains(problems, p => p.StartsWith("32村（居）") && p.Contains("属于其他乡镇"));
        Assert.Equal(before, await CountAsync("persons"));
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM households WHERE number LIKE 'IMP%'"));
    }

    [Fact]
    public async Task GetReport_RejectedFile_ListsProblemsByRowAndColumn()
    {
        var clerk = await SignInAsync("clerk01");
        var rows = Couples(2);
        rows[1][6] = "未知";
        var (response, _) = await UploadAsync(clerk, "persons", "bad.csv", Utf8Bom(CsvText(T, rows)));
        var run = response.Headers.Location!.OriginalString;

        var report = await clerk.GetAsync(run + "?handler=Report&format=csv");
        var csv = await report.Content.ReadAsStringAsync();
        Assert.Contains("3,性别,性别“未知”无效，应为：男、女", csv);
        // Named in China time, like every file the portal makes (the run is stored in UTC).
        var at = await Portal.ScalarAsync<DateTime>("SELECT at FROM import_runs ORDER BY at DESC LIMIT 1");
        var china = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8));
        Assert.Contains($"{china:yyyyMMddHHmm}", report.Content.Headers.ContentDisposition!.FileNameStar);
        var other = await SignInAsync("clerk02");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(run)).StatusCode);
    }

    [Fact]
    public async Task Post_WrongHeaders_NamesTheColumn()
    {
        var clerk = await SignInAsync("clerk01");
        var text = CsvText(T, Couples(1)).Replace("户口性质", "户口类型");
        var (_, page) = await UploadAsync(clerk, "persons", "x.csv", Utf8Bom(text));
        var problems = page.Text("#problems");
        Assert.Contains("“户口类型”不是“户籍人口”模板的列", problems);
        Assert.Contains("缺少必填列“户口性质”", problems);
    }

    [Fact]
    public async Task Post_PersonOfAnotherTownship_RefusedWithoutSayingWhose()
    {
        var household = await new Given(Portal).HouseholdAsync(Given.Taoyuan, Given.TaoyuanVillage);
        var birth = new DateOnly(1985, 5, 5);
        var id = Id(birth, Sex.Male, 777);
        await new Given(Portal).Db(async db =>
        {
            db.Persons.Add(new Person
            {
                Name = "桃源人",
                Sex = Sex.Male,
                BirthDate = birth,
                IdNumber = id,
                HouseholdId = household,
                VillageCode = Given.TaoyuanVillage,
                TownshipCode = Given.Taoyuan,
                Relation = Relation.Head
            });
            return await db.SaveChangesAsync();
        });
        var clerk = await SignInAsync("clerk01");
        var rows = Couples(1);
        rows[0][5] = "改名";
        rows[0][7] = birth.ToString("yyyy-MM-dd");
        rows[0][8] = id;

        var (_, page) = await UploadAsync(clerk, "persons", "x.csv", Utf8Bom(CsvText(T, rows)));

        Assert.Contains("不属于本乡镇", page.Text("#problems"));
        Assert.DoesNotContain("桃源人", page.Text("#problems"));
        Assert.Equal("桃源人", await Portal.ScalarAsync<string>($"SELECT name FROM persons WHERE id_number = '{id}'"));
    }

    [Fact]
    public async Task Post_CountyStaff_CannotImport()
    {
        var county = await SignInAsync("county");
        var page = await Forms.GetHtmlAsync(county, "/Imports");
        Assert.Null(page.QuerySelector("#import-form"));
        Assert.NotNull(page.QuerySelector("#templates"));
    }

    [Fact]
    public async Task GetTemplate_Xlsx_HasTheHeadersAndAHelpSheet()
    {
        var clerk = await SignInAsync("clerk01");
        var bytes = await clerk.GetByteArrayAsync("/Imports?handler=Template&kind=births&format=xlsx");
        var sheet = SheetReader.Read("t.xlsx", bytes);
        Assert.Equal(Headers(ImportTemplates.Births), sheet.Headers);
        var csv = System.Text.Encoding.UTF8.GetString(await clerk.GetByteArrayAsync("/Imports?handler=Template&kind=women&format=csv"));
        Assert.StartsWith("\uFEFF公民身份号码,姓名,结婚日期", csv);
    }
}
