using System.Net;
using System.Text;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Web.Tests.Infrastructure;
using static FamilyPlanning.Web.Tests.Imports.ImportFiles;

namespace FamilyPlanning.Web.Tests.Imports;

/// <summary>Uploads that are too big once expanded, or not text in the encoding they seem to be: refused with the place and
/// nothing written; a large valid file still imports.</summary>
[Trait("Category", "DateIndependent")] // sizes, faults and exposure: ./test.sh runs it at the default clock only
public class UploadLimitTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly Template T = ImportTemplates.Persons;

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var response = await Forms.UploadAsync(client, "/Imports", new() { ["Kind"] = "persons" }, "Upload", fileName, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await Forms.GetHtmlAsync(client, response.Headers.Location!.OriginalString);
    }

    private Task<long> ImportedPersonsAsync() =>
        Portal.ScalarAsync<long>("SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id WHERE h.number LIKE 'IMP%'");

    [Fact]
    public async Task Post_XlsxBomb_RefusedWithChineseMessage_RunLogged_NothingWritten()
    {
        var clerk = await SignInAsync("clerk01");
        var bomb = XlsxBombs.Build("", "<row><c t=\"inlineStr\"><is><t>炸弹</t></is></c></row>", 1L << 25, "");

        var page = await UploadAsync(clerk, "人口.xlsx", bomb);

        Assert.Contains("解压后过大", page.Body!.TextContent);
        Assert.Equal(0, await ImportedPersonsAsync());
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT count(*) FROM import_runs WHERE NOT succeeded AND file_name = '人口.xlsx'"));
    }

    [Fact]
    public async Task Post_PersonsXlsx100000Rows_ImportsEveryRow()
    {
        var clerk = await SignInAsync("clerk01");
        var page = await UploadAsync(clerk, "人口.xlsx", Xlsx(T, ManyCouples(50_000)));

        Assert.True(page.Text("#outcome").Contains("新增 100000 行"), string.Join("\n", page.QuerySelectorAll("td").Take(40).Select(e => e.TextContent)));
        Assert.Equal(100_000, await ImportedPersonsAsync());
    }

    /// <summary>Like <see cref="ImportFiles.Couples"/>, with ID numbers unique over tens of thousands of couples.</summary>
    private static List<string[]> ManyCouples(int households)
    {
        var rows = Couples(households);
        for (var n = 0; n < households; n++)
        {
            var hb = new DateOnly(1970, 1, 1).AddDays(n % 10_000);
            var wb = hb.AddDays(1100); // not AddYears: 29 February would fold onto the 28th
            var serial = n / 10_000 * 2;
            rows[2 * n][7] = hb.ToString("yyyy-MM-dd");
            rows[2 * n][8] = Core.People.IdNumber.Make("110105", hb, serial + 1);
            rows[2 * n + 1][7] = wb.ToString("yyyy-MM-dd");
            rows[2 * n + 1][8] = Core.People.IdNumber.Make("110105", wb, serial + 100);
        }
        return rows;
    }

    [Fact]
    public async Task Post_GbkCsvWithInvalidBytes_RefusedNamingRowAndColumn_NothingWritten()
    {
        var clerk = await SignInAsync("clerk01");
        var rows = Couples(3);
        rows[1][5] = "妻子@";
        var bytes = Gbk(CsvText(T, rows));
        var at = Array.IndexOf(bytes, (byte)'@');
        bytes[at] = 0x81; // a GB18030 lead byte followed by ',' (0x2C): not a valid sequence
        var page = await UploadAsync(clerk, "人口_gbk.csv", bytes);

        Assert.Contains("第 3 行第 6 列有无法识别的字符", page.Body!.TextContent);
        Assert.Equal(0, await ImportedPersonsAsync());
    }

    [Fact]
    public async Task Post_CsvCellWithNul_RefusedNamingRowAndColumn_RunLogged()
    {
        var clerk = await SignInAsync("clerk01");
        var rows = Couples(2);
        rows[2][5] = "妻\0子";
        var page = await UploadAsync(clerk, "人口.csv", Utf8Bom(CsvText(T, rows)));

        Assert.Contains("第 4 行第 6 列含有空字符", page.Body!.TextContent);
        Assert.Equal(0, await ImportedPersonsAsync());
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT count(*) FROM import_runs WHERE NOT succeeded AND file_name = '人口.csv'"));
    }

    [Fact]
    public async Task Post_XlsxRenamedCsv_IsReadAsTheWorkbookItIs()
    {
        var clerk = await SignInAsync("clerk01");
        var page = await UploadAsync(clerk, "人口.csv", Xlsx(T, Couples(2)));

        Assert.Contains("新增 4 行", page.Text("#outcome"));
    }

    [Fact]
    public async Task Post_BinaryFileNamedCsv_RefusedWithChineseMessage()
    {
        var clerk = await SignInAsync("clerk01");
        var binary = Encoding.ASCII.GetBytes("户编号\0\0\u0001\u0002").Concat(Enumerable.Range(0, 512).Select(i => (byte)i)).ToArray();
        var page = await UploadAsync(clerk, "人口.csv", binary);

        Assert.Contains("第 1 行", page.Body!.TextContent);
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT count(*) FROM import_runs WHERE NOT succeeded AND file_name = '人口.csv'"));
    }
}
