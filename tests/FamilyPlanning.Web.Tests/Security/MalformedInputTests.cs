using System.Net;
using System.Reflection;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>
/// Malformed values in every parameter of every route, discovered from the endpoint data source: each page's GET handlers
/// with each query property and handler argument, each page's POST handlers with every bound field at once, a POST to a
/// page or handler that does not exist, and the JSON API's parameters. No answer may be a 500; the pages answer errors with
/// the Chinese status page.
/// </summary>
[Trait("Category", "DateIndependent")] // sizes, faults and exposure: ./test.sh runs it at the default clock only
public class MalformedInputTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly string[] Values =
        ["a\0b", "99999", "-5", "0001-01-01", "9999-12-31", "x'\"<>%", new string('长', 3000), "1e400", "Q"];

    private static readonly string[] Users = ["clerk01", "county", "admin"];

    private readonly Given _given = new(portal);

    [Fact]
    public async Task EveryRouteAndParameter_WithMalformedValues_NeverAnswers500()
    {
        var ids = await RecordsAsync();
        var pages = PageRoutes.All(Portal);
        var failures = new List<string>();
        var requests = 0;
        foreach (var user in Users)
        {
            var client = await SignInAsync(user);
            var token = await TokenAsync(client);
            async Task Check(HttpRequestMessage request)
            {
                requests++;
                using var response = await client.SendAsync(request);
                var uri = request.RequestUri!.OriginalString;
                var shown = uri.Length > 160 ? uri[..160] + "…" : uri;
                if ((int)response.StatusCode >= 500) failures.Add($"{user} {request.Method} {shown}: {(int)response.StatusCode}");
                // A redirect to the login page would mean the run lost its session and checked nothing after it.
                if (response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true)
                    failures.Add($"{user} {request.Method} {shown}: signed out");
            }

            // Signing out or in would end the session the rest of the run needs; the account pages have their own tests.
            foreach (var page in pages.Where(p => !p.Template.StartsWith("/Account/", StringComparison.Ordinal)))
            {
                var url = Url(page, ids);
                foreach (var (verb, handler) in PageRoutes.Handlers(page.Model))
                {
                    var prefix = url + "?" + (handler == "" ? "" : $"handler={handler}&");
                    if (verb == "Get")
                    {
                        foreach (var key in QueryNames(page.Model).Concat(Arguments(page.Model, "Get", handler)).Distinct())
                            foreach (var value in Values)
                                await Check(new HttpRequestMessage(HttpMethod.Get, prefix + key + "=" + Escape(value)));
                        continue;
                    }
                    foreach (var value in Values)
                    {
                        var fields = Fields(page.Model).Concat(Arguments(page.Model, "Post", handler)).Distinct()
                            .ToDictionary(f => f, _ => value);
                        fields["__RequestVerificationToken"] = token;
                        await Check(new HttpRequestMessage(HttpMethod.Post, prefix.TrimEnd('?', '&')) { Content = new FormUrlEncodedContent(fields) });
                    }
                }
                // A POST the page has no handler for.
                foreach (var handler in new[] { "", "handler=NoSuchHandler" })
                {
                    if (handler == "" && page.PostHandlers.Contains("")) continue;
                    await Check(new HttpRequestMessage(HttpMethod.Post, url + (handler == "" ? "" : "?" + handler))
                    {
                        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
                    });
                }
            }

            foreach (var (path, parameters) in ApiEndpoints())
                foreach (var p in parameters)
                    foreach (var value in Values)
                        await Check(new HttpRequestMessage(HttpMethod.Get, path + "?" + p + "=" + Escape(value)));
        }
        Assert.Equal(HttpStatusCode.OK, (await (await SignInAsync("county")).GetAsync("/")).StatusCode);
        Assert.True(requests > 500, $"only {requests} requests: the routes were not discovered");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests answered 5xx:\n" + string.Join("\n", failures.Take(60)));
    }

    [Fact]
    public async Task NulInAQuery_PostToAPageWithoutHandler_AndUnknownPage_GetTheChineseStatusPage()
    {
        var county = await SignInAsync("county");
        var nul = await county.GetAsync("/Persons?q=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains("请求有误", await nul.Content.ReadAsStringAsync());

        var token = await TokenAsync(county);
        var post = await county.PostAsync("/Dashboard", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("不支持该操作", await post.Content.ReadAsStringAsync());

        var missing = await county.GetAsync("/NoSuchPage");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.Contains("返回首页", html);
        Assert.Equal("DENY", missing.Headers.GetValues("X-Frame-Options").Single());
    }

    /// <summary>A record of each register for the routes that take an id, so handlers run past their lookups.</summary>
    private async Task<Dictionary<string, string>> RecordsAsync()
    {
        var (woman, person, household) = await _given.MotherAsync(new DateOnly(1992, 3, 3));
        var clerk = await SignInAsync("clerk01");
        var day = Given.Today.AddMonths(-1).ToString("yyyy-MM-dd");
        await Forms.PostAsync(clerk, $"/Births/Register?motherId={woman}", new()
        {
            ["Input.MotherId"] = woman.ToString(),
            ["Input.BirthDate"] = day,
            ["Input.ReportedOn"] = day,
            ["Input.Children[0].Name"] = "婴",
            ["Input.Children[0].Sex"] = "Male",
        });
        var (applicant, _, _) = await _given.CoupleAsync(new DateOnly(1950, 3, 1), children: FamilyPlanning.Core.People.Sex.Male);
        var beneficiary = await _given.ApprovedAsync(applicant, new DateOnly(Given.Today.Year - 1, 1, 1));
        return new()
        {
            ["/Births/"] = (await Portal.ScalarAsync<long>("SELECT max(id) FROM births")).ToString(),
            ["/Women/"] = woman.ToString(),
            ["/Persons/"] = person.ToString(),
            ["/Households/"] = household.ToString(),
            ["/Subsidies/"] = beneficiary.ToString(),
            ["/Admin/Users/"] = (await Portal.ScalarAsync<string>("SELECT id FROM users WHERE user_name = 'clerk02'"))!,
        };
    }

    private static string Url(PageRoutes.PageRoute page, Dictionary<string, string> ids)
    {
        var id = ids.FirstOrDefault(x => page.Template.StartsWith(x.Key, StringComparison.Ordinal)).Value;
        return id is null ? page.Url : System.Text.RegularExpressions.Regex.Replace(page.Template, "\\{[^}]+\\}", id);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private async Task<string> TokenAsync(HttpClient client)
    {
        var home = await Forms.GetHtmlAsync(client, "/");
        return home.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("no antiforgery token on the home page");
    }

    /// <summary>The query-string names of a page's GET-bound properties (the binding's own name where it gives one).</summary>
    private static IEnumerable<string> QueryNames(Type model) =>
        model.GetProperties().Select(p => (p, b: p.GetCustomAttribute<BindPropertyAttribute>()))
            .Where(x => x.b is { SupportsGet: true }).Select(x => x.b!.Name ?? x.p.Name);

    /// <summary>The arguments of a handler method (OnGetPdfAsync(string? format, …)) other than the cancellation token.</summary>
    private static IEnumerable<string> Arguments(Type model, string verb, string handler) =>
        model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == $"On{verb}{handler}" || m.Name == $"On{verb}{handler}Async")
            .SelectMany(m => m.GetParameters())
            .Where(p => p.ParameterType != typeof(CancellationToken))
            .Select(p => p.Name!);

    /// <summary>Every form field a page binds on POST: its bound properties, and the properties of bound input objects
    /// (Input.Name, …).</summary>
    private static IEnumerable<string> Fields(Type model) =>
        model.GetProperties().Select(p => (p, b: p.GetCustomAttribute<BindPropertyAttribute>())).Where(x => x.b is not null)
            .SelectMany(x => IsSimple(x.p.PropertyType) ? [x.b!.Name ?? x.p.Name]
                : x.p.PropertyType.GetProperties().Where(c => c.CanWrite && IsSimple(c.PropertyType)).Select(c => $"{x.p.Name}.{c.Name}"));

    private static bool IsSimple(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime);
    }

    /// <summary>The JSON API's GET endpoints and their query parameters, from the endpoint data source.</summary>
    private IEnumerable<(string Path, List<string> Parameters)> ApiEndpoints() =>
        Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
                    .Where(p => p.ParameterType == typeof(string) || Nullable.GetUnderlyingType(p.ParameterType) is not null || p.ParameterType.IsPrimitive)
                    .Select(p => p.Name!).ToList() ?? []));
}
