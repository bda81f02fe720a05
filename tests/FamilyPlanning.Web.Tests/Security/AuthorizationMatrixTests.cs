using System.Net;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>
/// Every page handler (GET and POST, discovered from the page models by reflection) and every API endpoint, requested as
/// each role and anonymously: who gets through authorization must be exactly the expected set. A page in a folder with no
/// expectation here fails the test, so a new page cannot ship without a decision about who may use it.
/// </summary>
public class AuthorizationMatrixTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly string[] Users = ["anonymous", "admin", "county", "leader", "clerk01"];

    /// <summary>Who may pass authorization, by the path's first segment.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["/"] = ["admin", "county", "leader", "clerk01"],
        ["/Account/Login"] = Users,
        ["/Account/AccessDenied"] = Users,
        ["/Status"] = Users,
        ["/Account"] = ["admin", "county", "leader", "clerk01"],
        ["/Admin"] = ["admin"],
        ["/Dashboard"] = ["county", "leader", "clerk01"],
        ["/Targets"] = ["county", "leader"],
        ["/Monthly"] = ["county", "clerk01"],
        ["/Reports"] = ["county", "leader", "clerk01"],
        ["/Households"] = ["county", "clerk01"],
        ["/Persons"] = ["county", "clerk01"],
        ["/Women"] = ["county", "clerk01"],
        ["/Births"] = ["county", "clerk01"],
        ["/Contraception"] = ["county", "clerk01"],
        ["/Subsidies"] = ["county", "clerk01"],
        ["/Imports"] = ["county", "clerk01"],
        ["/api/indicators"] = ["county", "leader", "clerk01"],
        ["/healthz"] = Users,
    };

    public sealed record Handler(string Path, string Verb, string? Name, string Route)
    {
        public string Url => Name is null ? Route : $"{Route}?handler={Name}";
        public override string ToString() => $"{Verb} {Url}";
    }

    /// <summary>OnGet/OnPost[Name][Async] of every page the app maps, at its route (parameters filled with no record).</summary>
    private List<Handler> Handlers() =>
        PageRoutes.All(Portal)
            .SelectMany(p => PageRoutes.Handlers(p.Model).Select(h => new Handler(p.Path, h.Verb.ToUpperInvariant(), h.Name == "" ? null : h.Name, p.Url)))
            .DistinctBy(h => h.ToString()).OrderBy(h => h.ToString()).ToList();

    private static string[] ExpectedFor(string path) =>
        Expected.TryGetValue(path, out var exact) ? exact
        : Expected.Where(e => e.Key != "/" && path.StartsWith(e.Key + "/")).Select(e => e.Value).FirstOrDefault()
          ?? throw new Xunit.Sdk.XunitException($"{path}: no authorization expectation — add one to {nameof(Expected)}");

    [Fact]
    public void EveryPageHandler_HasAnExpectation()
    {
        var handlers = Handlers();
        Assert.True(handlers.Count > 60, $"found only {handlers.Count} handlers");
        foreach (var h in handlers) ExpectedFor(h.Path);
    }

    [Fact]
    public async Task EveryHandlerAndEndpoint_AdmitsExactlyTheExpectedUsers()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = Portal.Browser() };
        foreach (var u in Users.Skip(1)) clients[u] = await SignInAsync(u);
        var targets = Handlers().Concat([new Handler("/api/indicators", "GET", null, "/api/indicators"), new Handler("/healthz", "GET", null, "/healthz")]);
        var wrong = new List<string>();
        foreach (var h in targets)
        {
            var expected = ExpectedFor(h.Path);
            foreach (var (user, client) in clients)
            {
                // POSTs carry no antiforgery token: authorization runs first (denied → login or access denied), and a user
                // who gets through is then stopped by the token check (400), so nothing is changed by this test.
                using var response = h.Verb == "GET" ? await client.GetAsync(h.Url) : await client.PostAsync(h.Url, new FormUrlEncodedContent([]));
                var denied = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString) is var to
                       && (to.StartsWith("/Account/AccessDenied") || to.StartsWith("/Account/Login")) && h.Path != "/Account/Login";
                if (denied == expected.Contains(user)) wrong.Add($"{h} as {user}: {(int)response.StatusCode} {response.Headers.Location}");
                if (h.Verb == "POST" && !denied) Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{h} as {user} without a token: {(int)response.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

}
