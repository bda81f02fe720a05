using System.Text;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Imports;

public class ExportTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>The dashboard export has a column per indicator of the catalogue: more than an import template allows.</summary>
    private static readonly SheetLimits WideExport = new() { MaxColumns = 256 };

    private readonly Given _given = new(portal);

    private async Task<(long id, string number)> PersonAsync(string township, string village, string name)
    {
        var household = await _given.HouseholdAsync(township, village);
        var person = await _given.PersonAsync(household, name, Sex.Female, new DateOnly(1990, 1, 1));
        return (person, (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}"))!);
    }

    [Fact]
    public async Task GetExport_ClerkCsv_OwnTownshipOnlyWithFullIds_FormulasNeutralised()
    {
        var (_, own) = await PersonAsync(Given.Longmen, Given.LongmenVillage, "=HYPERLINK(\"http://x\")");
        var (_, other) = await PersonAsync(Given.Taoyuan, Given.TaoyuanVillage, "桃源外人");
        var clerk = await SignInAsync("clerk01");

        var response = await clerk.GetAsync("/Persons?handler=Export&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.StartsWith("\uFEFF姓名,性别,出生日期,公民身份号码", csv);
        Assert.Contains(own, csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.DoesNotContain("桃源外人", csv);
        Assert.DoesNotContain(other, csv);
    }

    [Fact]
    public async Task GetExport_CountyXlsx_MasksIdsAndAppliesTheFilter()
    {
        var (_, a) = await PersonAsync(Given.Longmen, Given.LongmenVillage, "导出甲");
        var (_, b) = await PersonAsync(Given.Taoyuan, Given.TaoyuanVillage, "导出乙");
        var county = await SignInAsync("county");

        var bytes = await county.GetByteArrayAsync("/Persons?handler=Export&format=xlsx&q=" + Uri.EscapeDataString("导出"));
        var sheet = SheetReader.Read("x.xlsx", bytes);

        Assert.Equal(2, sheet.Rows.Count);
        var text = string.Join("\n", sheet.Rows.Select(r => string.Join(",", r.Cells)));
        Assert.Contains(IdNumber.Mask(a), text);
        Assert.Contains(IdNumber.Mask(b), text);
        Assert.DoesNotContain(a, text);
        Assert.DoesNotContain(b, text);
    }

    [Theory]
    [InlineData("/Households")]
    [InlineData("/Women")]
    [InlineData("/Births")]
    [InlineData("/Contraception")]
    [InlineData("/Subsidies")]
    public async Task GetExport_EveryRegisterList_GivesBothFormats(string list)
    {
        await _given.MotherAsync(new DateOnly(1992, 2, 2));
        var county = await SignInAsync("county");
        var page = await Forms.GetHtmlAsync(county, list);
        var links = page.QuerySelectorAll("#export a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);

        var xlsx = SheetReader.Read("x.xlsx", await county.GetByteArrayAsync(links[0]));
        var csv = SheetReader.Read("x.csv", await county.GetByteArrayAsync(links[1]));
        var headers = page.QuerySelectorAll("#rows thead th, table thead th").Select(t => t.TextContent.Trim()).First();
        Assert.Equal(xlsx.Headers, csv.Headers);
        Assert.Equal(xlsx.Rows.Count, csv.Rows.Count);
        Assert.Equal(headers, xlsx.Headers[0]);
        if (list is "/Households" or "/Women") Assert.True(xlsx.Rows.Count >= 1);
    }

    [Fact]
    public async Task GetExport_Dashboard_TotalsMatchThePageAndEmptyDenominatorsShowDash()
    {
        await _given.MotherAsync(new DateOnly(1992, 2, 2));
        var county = await SignInAsync("county");
        var year = Given.Today.Year - 1;

        var csv = SheetReader.Read("x.csv", new MemoryStream(await county.GetByteArrayAsync($"/Dashboard?handler=Export&period={year}&format=csv")), WideExport);

        Assert.Equal("单位", csv.Headers[0]);
        var births = Array.IndexOf(csv.Headers, "出生人数");
        var sexRatio = Array.IndexOf(csv.Headers, "出生人口性别比");
        Assert.True(births > 0 && sexRatio > 0, string.Join(",", csv.Headers));
        var total = csv.Rows[0].Cells;
        Assert.Equal("0", total[births]);
        Assert.Equal("—", total[sexRatio]);
        Assert.Equal(2 * 18, csv.Rows.Count);   // the county and its 17 townships, this period and last year
    }
}
