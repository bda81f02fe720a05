using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;
using static FamilyPlanning.Web.Tests.Imports.ImportFiles;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>
/// Full ID numbers reach only the township's own clerk (and county staff in the payment list they hand to the paying
/// agency). Each other role crawls every page it can reach from its home page — following every link, downloads and
/// exports included (CSV, XLSX, PDF) — and no response may hold a full number of the registers.
/// </summary>
[Trait("Category", "DateIndependent")] // sizes, faults and exposure: ./test.sh runs it at the default clock only
public class IdNumberExposureTests(PortalFactory portal) : PortalTest(portal)
{
    private const int UrlsPerRoute = 4;
    private readonly Given _given = new(portal);

    [Fact]
    public async Task EveryPageAndDownload_ShowsNoFullIdNumber_ToRolesThatMayNotSeeThem()
    {
        var (_, person, _) = await _given.MotherAsync(new DateOnly(1991, 6, 6));
        var taoyuanHousehold = await _given.HouseholdAsync(Given.Taoyuan, Given.TaoyuanVillage);
        await _given.PersonAsync(taoyuanHousehold, "桃源人", Sex.Male, new DateOnly(1985, 5, 5), relation: Relation.Head);
        await _given.ApprovedAsync(person, new DateOnly(Given.Today.Year - 1, 1, 1));
        // An import whose problem list quotes a number (the same person twice in one file).
        var clerk = await SignInAsync("clerk01");
        var row = Couples(1)[0];
        await Forms.UploadAsync(clerk, "/Imports", new() { ["Kind"] = "persons" }, "Upload", "persons.csv",
            Utf8Bom(CsvText(ImportTemplates.Persons, [row, row])));
        var quoted = row[Array.FindIndex(ImportTemplates.Persons.Columns, c => c.Property == "IdNumber")];
        Assert.Contains(quoted, await Portal.ScalarAsync<string>("SELECT problems FROM import_runs ORDER BY at DESC LIMIT 1"));

        var ids = new HashSet<string>();
        await using (var conn = await Portal.OpenAsync())
        await using (var cmd = new Npgsql.NpgsqlCommand("SELECT id_number FROM persons WHERE id_number IS NOT NULL", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        ids.Add(quoted);

        var pages = PageRoutes.All(Portal);
        var leaks = new List<string>();
        var fetched = 0;
        foreach (var user in new[] { "county", "leader", "admin" })
        {
            var client = await SignInAsync(user);
            var queue = new Queue<string>(["/"]);
            var queued = new HashSet<string>(["/"]);
            var visits = new Dictionary<string, int>();
            while (queue.TryDequeue(out var url))
            {
                var path = url.Split('?')[0];
                var route = pages.FirstOrDefault(p => p.Matches(path));
                var key = (route?.Template ?? path) + (url.Contains("handler=") ? "#" + url[url.IndexOf("handler=")..].Split('&')[0] : "");
                if (visits.GetValueOrDefault(key) >= UrlsPerRoute) continue;
                visits[key] = visits.GetValueOrDefault(key) + 1;
                using var response = await client.GetAsync(url);
                if (!response.IsSuccessStatusCode) continue;
                fetched++;
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var text = TextOf(response.Content.Headers.ContentType?.MediaType ?? "", bytes);
                // County staff hand the payment list to the paying agency with the full numbers (docs/decisions.md).
                var allowed = user == "county" && url.StartsWith("/Subsidies/Payments", StringComparison.Ordinal) && url.Contains("handler=Export");
                if (!allowed && ids.FirstOrDefault(text.Contains) is { } leaked) leaks.Add($"{user} {url}: {IdNumber.Mask(leaked)} in full");
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(bytes));
                foreach (var link in doc.QuerySelectorAll("a[href]").Select(a => System.Net.WebUtility.HtmlDecode(a.GetAttribute("href")!)))
                {
                    if (!link.StartsWith('/') || link.StartsWith("//") || link.StartsWith("/Account/") || link.StartsWith("/lib/")) continue;
                    if (queued.Add(link)) queue.Enqueue(link);
                }
            }
        }
        Assert.True(fetched > 60, $"only {fetched} pages and files fetched: the crawl did not get far");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private static string TextOf(string mediaType, byte[] bytes)
    {
        if (mediaType == "application/pdf")
        {
            using var doc = UglyToad.PdfPig.PdfDocument.Open(bytes);
            return string.Concat(doc.GetPages().Select(p => p.Text));
        }
        if (mediaType.Contains("spreadsheetml", StringComparison.Ordinal))
            return string.Join("\n", SheetReader.Read("x.xlsx", new MemoryStream(bytes), new SheetLimits { MaxColumns = 256 }).Rows.SelectMany(r => r.Cells));
        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
