using System.Net;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>Script where text belongs, text too long, numbers that are not numbers, files too big, and full ID numbers where
/// only masked ones may appear.</summary>
public class HostileInputTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Script = "<script>alert(1)</script>";
    private readonly Given _given = new(portal);

    [Fact]
    public async Task ScriptInANameAndInTheNarrative_IsShownAsText()
    {
        var household = await _given.HouseholdAsync();
        await _given.PersonAsync(household, Script, Sex.Male, new DateOnly(1980, 1, 1), relation: Relation.Head);
        var clerk = await SignInAsync("clerk01");
        var list = await (await clerk.GetAsync("/Persons")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Script, list);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", list);

        var leader = await SignInAsync("leader");
        var year = Given.Today.Year;
        var saved = await Forms.PostAsync(leader, $"/Reports/HalfYear?area=county&year={year}&part=H1", new()
        {
            ["area"] = "county",
            ["year"] = year.ToString(),
            ["part"] = "H1",
            ["Input.Practices"] = "做法" + Script,
        }, $"/Reports/HalfYear?area=county&year={year}&part=H1&handler=Narrative");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var preview = await (await leader.GetAsync($"/Reports/HalfYear?area=county&year={year}&part=H1")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Script, preview);
        Assert.Contains("做法&lt;script&gt;", preview);
    }

    [Fact]
    public async Task OversizedFieldsAndMalformedNumbers_GetChineseMessagesAndSaveNothing()
    {
        var household = await _given.HouseholdAsync();
        var clerk = await SignInAsync("clerk01");
        var longName = new string('王', Person.NameMaxLength + 1);
        var response = await Forms.PostAsync(clerk, $"/Persons/Create?householdId={household}", PersonForm.Head(longName));
        Assert.Contains($"姓名不能超过 {Person.NameMaxLength} 个字符", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await Portal.ScalarAsync<long>($"SELECT count(*) FROM persons WHERE household_id = {household}"));

        var person = await _given.PersonAsync(household, "李女", Sex.Female, new DateOnly(1990, 1, 1));
        var woman = await Forms.PostAsync(clerk, $"/Women/Create?personId={person}", new()
        {
            ["personId"] = person.ToString(),
            ["Input.RegisteredOn"] = "2015-01-01",
            ["Input.MarriedOn"] = "2014-01-01",
            ["Input.BoysBefore"] = "两个",
            ["Input.GirlsBefore"] = "0",
        });
        var html = await woman.Content.ReadAsStringAsync();
        Assert.Matches("“两个”不是有效的[^<]*数", html);
        Assert.Equal(0, await Portal.ScalarAsync<long>($"SELECT count(*) FROM women WHERE person_id = {person}"));
    }

    [Fact]
    public async Task OversizedImportFile_IsRefusedWithItsSize()
    {
        var clerk = await SignInAsync("clerk01");
        var big = new byte[FamilyPlanning.Core.Imports.ImportService.MaxFileBytes + 1024];
        var response = await Forms.UploadAsync(clerk, "/Imports", new() { ["Kind"] = "persons" }, "Upload", "big.csv", big);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件过大（20.0 MB），单个文件不能超过 20 MB", html);
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM import_runs"));
    }

    [Fact]
    public async Task ImportsPage_WithoutErrors_ShowsNoEmptyRedBox()
    {
        var clerk = await SignInAsync("clerk01");
        var page = await Forms.GetHtmlAsync(clerk, "/Imports");
        // The summary is rendered for client-side validation, empty and marked valid; the stylesheet hides it.
        Assert.All(page.QuerySelectorAll(".alert-danger"), a => Assert.Contains("validation-summary-valid", a.ClassName));
        Assert.Contains(".validation-summary-valid { display: none; }", await clerk.GetStringAsync("/css/site.css"));
    }

    [Fact]
    public async Task UploadOverTheServersLimit_GetsTheChineseStatusPage_NotABare400()
    {
        var clerk = await SignInAsync("clerk01");
        var huge = new byte[FamilyPlanning.Web.Pages.Imports.IndexModel.UploadLimit + 1024 * 1024];
        var response = await Forms.UploadAsync(clerk, "/Imports", new() { ["Kind"] = "persons" }, "Upload", "huge.csv", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("上传的内容过大", html);
        Assert.Contains("分成几个文件导入", html);
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM import_runs"));
    }

    [Fact]
    public async Task MaskedRoles_NeverSeeAFullIdNumber_InListsExportsOrThePdf()
    {
        var (_, person, _) = await _given.MotherAsync(new DateOnly(1991, 6, 6));
        var ids = new List<string> { (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}"))! };
        var other = await _given.HouseholdAsync(Given.Taoyuan, Given.TaoyuanVillage);
        var taoyuan = await _given.PersonAsync(other, "桃源人", Sex.Male, new DateOnly(1985, 5, 5), relation: Relation.Head);
        ids.Add((await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {taoyuan}"))!);
        await _given.ApprovedAsync(person, new DateOnly(2026, 1, 1));

        var county = await SignInAsync("county");
        var lists = new[] { "/Households", "/Persons", "/Women?left=true", "/Births", "/Contraception", "/Subsidies" };
        var seen = new List<string>();
        foreach (var list in lists)
        {
            seen.Add(await county.GetStringAsync(list));
            var sep = list.Contains('?') ? '&' : '?';
            foreach (var format in new[] { "csv", "xlsx" })
            {
                var file = await county.GetByteArrayAsync($"{list}{sep}handler=Export&format={format}");
                seen.Add(format == "csv" ? System.Text.Encoding.UTF8.GetString(file)
                    : string.Join("\n", FamilyPlanning.Core.Imports.SheetReader.Read("x.xlsx", file).Rows.SelectMany(r => r.Cells)));
            }
        }
        seen.Add(await county.GetStringAsync($"/Persons/Details/{person}"));
        var pdf = await county.GetByteArrayAsync($"/Reports/HalfYear?handler=Pdf&area=county&year={Given.Today.Year}&part=H1");
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(pdf)) seen.Add(string.Concat(doc.GetPages().Select(p => p.Text)));

        for (var i = 0; i < seen.Count; i++)
            foreach (var id in ids)
                Assert.False(seen[i].Contains(id), $"full ID number {id} in text #{i}: …{Around(seen[i], id)}…");

        // Taoyuan's clerk gets her own township's numbers in full in an export, and never Longmen's person at all.
        var clerk2 = await SignInAsync("clerk02");
        var own = System.Text.Encoding.UTF8.GetString(await clerk2.GetByteArrayAsync("/Persons?handler=Export&format=csv"));
        Assert.Contains(ids[1], own);
        foreach (var text in new[] { own, await clerk2.GetStringAsync("/Persons") })
            Assert.DoesNotContain(IdNumber.Mask(ids[0]), text);
        Assert.Contains(IdNumber.Mask(ids[0]), seen[3]);   // the persons list shows the masked form
    }

    private static string Around(string text, string what)
    {
        var i = text.IndexOf(what, StringComparison.Ordinal);
        return text[Math.Max(0, i - 120)..Math.Min(text.Length, i + 40)];
    }
}
