using System.Net;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Imports;

/// <summary>docs/import.md and its example files are what clerks are told: the examples must import, in the documented
/// order, and the page must list every column the import accepts.</summary>
public class DocumentedExamplesTests(PortalFactory portal) : PortalTest(portal)
{
    private static string Docs(string path)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FamilyPlanning.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "docs", path);
    }

    [Fact]
    public async Task Post_EveryDocumentedExample_ImportsInOrder()
    {
        var clerk = await SignInAsync("clerk01");
        var expected = new Dictionary<string, string>
        {
            ["persons"] = "新增 9 行",
            ["women"] = "新增 2 行",
            ["births"] = "新增 3 行",
            ["contraception"] = "新增 2 行",
            ["life-events"] = "更新 2 行",
            ["subsidies"] = "新增 2 行",
        };
        foreach (var t in ImportTemplates.All)
        {
            var response = await Forms.UploadAsync(clerk, "/Imports", new() { ["Kind"] = t.Slug }, "Upload", t.Slug + ".csv",
                await File.ReadAllBytesAsync(Docs($"import/{t.Slug}.csv")));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await Forms.GetHtmlAsync(clerk, response.Headers.Location!.OriginalString);
            Assert.True(page.QuerySelector("#problems") is null, $"{t.Slug}: {page.QuerySelector("#problems")?.TextContent}");
            Assert.Contains(expected[t.Slug], page.Text("#outcome"));
        }
        Assert.Equal("2:1", await Portal.ScalarAsync<string>(
            "SELECT b.parity || ':' || b.policy_status FROM births b JOIN persons c ON c.id = b.child_id WHERE c.name = '李小明'"));
        Assert.Equal(2, await Portal.ScalarAsync<long>("SELECT count(DISTINCT delivery_id) FROM births WHERE certificate_number LIKE 'Q3712%'"));
        Assert.Equal(2, await Portal.ScalarAsync<long>("SELECT count(*) FROM beneficiaries WHERE status = 1 AND programme = 1"));
        Assert.Equal(2, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'Beneficiary' AND action = 1"));
    }

    [Fact]
    public void ImportDoc_ListsEveryColumnOfEveryTemplate()
    {
        var doc = File.ReadAllText(Docs("import.md"));
        foreach (var t in ImportTemplates.All)
        {
            Assert.Contains($"## {t.Title} (`{t.Slug}`)", doc);
            foreach (var c in t.Columns) Assert.Contains($"| {c.Header} | {(c.Required ? "是" : "")} |", doc);
        }
    }
}
