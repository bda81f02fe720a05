using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>
/// Every post form of every page, found by crawling the portal as each role from the home page (links followed, a few URLs
/// per route): the form's action (or a submit button's formaction) must reach a page of the app, a POST handler of that
/// page, and — when it posts back to the page it is on — carry the record the page shows (its route values and the keys it
/// binds from the query string). Then every POST handler of every page must have been seen in some form, so a handler no
/// crawl reaches fails here instead of in a user's browser. Pages and handlers come from the endpoint data source.
/// </summary>
public class FormActionTests(PortalFactory portal) : PortalTest(portal)
{
    private const int UrlsPerRoute = 25;
    private static readonly string[] Users = ["anonymous", "clerk01", "county", "leader", "admin"];
    private readonly Given _given = new(portal);

    /// <summary>
    /// Records in the states that show each form (a birth of an open month and an overridden one, an event, a moved-out
    /// person, an application, an approved beneficiary under review, an unpaid payment run, a submitted and an approved
    /// month, a disabled user), made through the pages themselves.
    /// </summary>
    private async Task RecordsInEveryStateAsync()
    {
        var clerk = await SignInAsync("clerk01");
        var county = await SignInAsync("county");
        var admin = await SignInAsync("admin");
        var today = Given.Today;
        var (woman, person, household) = await _given.MotherAsync(new DateOnly(1992, 3, 3));
        Dictionary<string, string> Delivery(string date, string name) => new()
        {
            ["Input.MotherId"] = woman.ToString(),
            ["Input.BirthDate"] = date,
            ["Input.ReportedOn"] = date,
            ["Input.Place"] = "县人民医院",
            ["Input.Children[0].Name"] = name,
            ["Input.Children[0].Sex"] = "Male",
        };
        await Expect(Forms.PostAsync(clerk, $"/Births/Register?motherId={woman}", Delivery("2020-05-05", "大宝")));
        var older = await Portal.ScalarAsync<long>("SELECT id FROM births WHERE mother_id = @m", ("m", woman));
        await Expect(Forms.SubmitAsync(clerk, $"/Births/Details/{older}", "Override",
            new() { ["Override.Status"] = "Compliant", ["Override.Reason"] = "经县卫健局批准" }));
        await Expect(Forms.PostAsync(clerk, $"/Births/Register?motherId={woman}", Delivery(today.ToString("yyyy-MM-dd"), "二宝")));
        await Expect(Forms.PostAsync(clerk, $"/Contraception/Create?womanId={woman}", new()
        {
            ["Input.WomanId"] = woman.ToString(),
            ["Input.Type"] = "IudInsertion",
            ["Input.Date"] = today.ToString("yyyy-MM-dd"),
            ["Input.Institution"] = "TownshipClinic",
        }));
        var leaving = await _given.PersonAsync(household, "外出人", FamilyPlanning.Core.People.Sex.Male, new DateOnly(1990, 1, 1));
        var version = await Portal.ScalarAsync<long>("SELECT xmin::text::bigint FROM persons WHERE id = @p", ("p", leaving));
        await Expect(Forms.SubmitAsync(clerk, $"/Persons/Details/{leaving}", "MoveOut",
            new() { ["Version"] = version.ToString(), ["MoveOut.Date"] = today.ToString("yyyy-MM-dd"), ["MoveOut.Place"] = "广东省深圳市" }));

        var (applicant, _, _) = await _given.CoupleAsync(new DateOnly(1958, 3, 1), children: FamilyPlanning.Core.People.Sex.Male);
        await Expect(Forms.PostAsync(clerk, $"/Subsidies/Apply?personId={applicant}", new()
        {
            ["Input.PersonId"] = applicant.ToString(),
            ["Input.Programme"] = "RewardSupport",
            ["Input.DeclaredBoys"] = "1",
            ["Input.DeclaredGirls"] = "0",
            ["Input.AppliedOn"] = today.ToString("yyyy-MM-dd"),
        }));
        var (beneficiary, _, _) = await _given.CoupleAsync(new DateOnly(1955, 3, 1), children: FamilyPlanning.Core.People.Sex.Female);
        await _given.ApprovedAsync(beneficiary, new DateOnly(today.Year - 1, 1, 1));
        await Expect(Forms.SubmitAsync(county, "/Subsidies/Payments", "Create",
            new() { ["RunYear"] = today.Year.ToString(), ["RunPart"] = "H1" }));

        // Two months that have ended (whatever the test clock's date): one submitted, one approved.
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var submitted = $"/Monthly/Report?township={Given.Longmen}&month={thisMonth.AddMonths(-2):yyyy-MM}";
        var approved = $"/Monthly/Report?township={Given.Longmen}&month={thisMonth.AddMonths(-1):yyyy-MM}";
        await Expect(Forms.SubmitAsync(clerk, submitted, "Submit", []));
        await Expect(Forms.SubmitAsync(clerk, approved, "Submit", []));
        await Expect(Forms.SubmitAsync(county, approved, "Approve", []));

        var disabled = (await Portal.ScalarAsync<string>("SELECT id FROM users WHERE user_name = 'clerk17'"))!;
        await Expect(Forms.SubmitAsync(admin, $"/Admin/Users/Edit/{disabled}", "Disable", []));
    }

    private static async Task Expect(Task<HttpResponseMessage> post)
    {
        using var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task EveryPostForm_OnEveryCrawledPage_ReachesAHandlerWithItsRecord()
    {
        await RecordsInEveryStateAsync();
        var pages = PageRoutes.All(Portal);
        var problems = new List<string>();
        var reached = new HashSet<string>();
        var log = new List<string>();
        foreach (var user in Users)
        {
            var client = user == "anonymous" ? Portal.Browser() : await SignInAsync(user);
            var start = user == "anonymous" ? "/Account/Login" : "/";
            var queue = new Queue<string>([start]);
            var queued = new HashSet<string>([start]);
            var visits = new Dictionary<string, int>();
            while (queue.TryDequeue(out var url))
            {
                var route = RouteOf(pages, url);
                if (route is null || visits.GetValueOrDefault(route.Template) >= UrlsPerRoute) continue;
                visits[route.Template] = visits.GetValueOrDefault(route.Template) + 1;
                using var response = await client.GetAsync(url);
                log.Add($"{user} {url} {(int)response.StatusCode}");
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var doc = await Forms.ParseAsync(response);
                foreach (var form in doc.QuerySelectorAll("form").Where(f => f.GetAttribute("method")?.ToLowerInvariant() == "post"))
                    foreach (var action in Actions(form, url))
                        Check(pages, user, url, route, form, action, problems, reached);
                foreach (var link in doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
                {
                    if (!link.StartsWith('/') || link.StartsWith("//") || link.Contains("handler=") || link.Contains("format=")
                        || link.StartsWith("/Account/Logout") || link.StartsWith("/lib/") || link.StartsWith("/api/")) continue;
                    if (queued.Add(link)) queue.Enqueue(link);
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));

        var unreached = pages.SelectMany(p => p.PostHandlers.Select(h => $"{p.Template}?handler={h}"))
            .Where(h => !reached.Contains(h)).ToList();
        Assert.True(unreached.Count == 0, "POST handlers no crawled form posts to:\n" + string.Join("\n", unreached) + string.Join("\n", log));
    }

    /// <summary>Where the form posts: its action (empty = the page's own URL), or a submit button's formaction.</summary>
    private static IEnumerable<string> Actions(IElement form, string pageUrl)
    {
        var action = form.GetAttribute("action");
        yield return string.IsNullOrEmpty(action) ? pageUrl : WebUtility.HtmlDecode(action);
        foreach (var button in form.QuerySelectorAll("[formaction]"))
            yield return WebUtility.HtmlDecode(button.GetAttribute("formaction")!);
    }

    private static PageRoutes.PageRoute? RouteOf(List<PageRoutes.PageRoute> pages, string url)
    {
        var path = url.Split('?')[0];
        return pages.FirstOrDefault(p => p.Matches(path));
    }

    private static void Check(List<PageRoutes.PageRoute> pages, string user, string pageUrl, PageRoutes.PageRoute page, IElement form,
        string action, List<string> problems, HashSet<string> reached)
    {
        var where = $"{user} on {pageUrl}: form posting to “{action}”";
        var path = action.Split('?')[0];
        var query = QueryHelpers.ParseQuery(action.Contains('?') ? action[action.IndexOf('?')..] : "");
        var target = RouteOf(pages, action);
        if (target is null) { problems.Add($"{where} reaches no page"); return; }
        var handler = query.TryGetValue("handler", out var h) ? h.ToString() : "";
        if (!target.PostHandlers.Contains(handler, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{where} names no POST handler of {target.Path}");
            return;
        }
        reached.Add($"{target.Template}?handler={target.PostHandlers.First(x => x.Equals(handler, StringComparison.OrdinalIgnoreCase))}");
        if (target != page) return;

        var pageValues = page.RouteValues(pageUrl.Split('?')[0])!;
        var actionValues = target.RouteValues(path)!;
        foreach (var (key, value) in pageValues)
            if (!Equals(actionValues[key]?.ToString(), value?.ToString()))
                problems.Add($"{where} does not carry {key}={value}");
        var pageQuery = QueryHelpers.ParseQuery(pageUrl.Contains('?') ? pageUrl[pageUrl.IndexOf('?')..] : "");
        foreach (var key in page.QueryKeys)
        {
            var shown = pageQuery.FirstOrDefault(q => q.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (string.IsNullOrEmpty(shown.Value)) continue;
            var carried = query.Any(q => q.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
                || form.QuerySelectorAll("input[name], select[name]").Any(i => i.GetAttribute("name")!.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (!carried) problems.Add($"{where} does not carry {key}={shown.Value}");
        }
    }
}
