using System.Net;

namespace FamilyPlanning.Web.Tests.Infrastructure;

public class AuthorizationTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly string[] AnonymousPages = ["/Account/Login", "/Account/AccessDenied", "/Status"];

    [Fact]
    public void Pages_OnlyLoginAccessDeniedAndTheStatusPageAllowAnonymous()
    {
        var routes = PageRoutes.All(Portal);
        Assert.True(routes.Count >= 10, $"expected the app's pages, found {routes.Count}");
        Assert.Equal(AnonymousPages.Order(), routes.Where(r => r.AllowsAnonymous).Select(r => r.Path).Order());
    }

    [Fact]
    public async Task Get_EveryPageAnonymously_RedirectsToLogin()
    {
        var client = Portal.Browser();
        foreach (var route in PageRoutes.All(Portal).Where(r => !r.AllowsAnonymous))
        {
            var response = await client.GetAsync(route.Url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route.Url}: {(int)response.StatusCode}");
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Theory]
    [InlineData("clerk01")]
    [InlineData("county")]
    [InlineData("leader")]
    public async Task Get_AdminPagesAsNonAdmin_Returns403(string user)
    {
        var client = await SignInAsync(user);
        foreach (var route in PageRoutes.All(Portal).Where(r => r.Path.StartsWith("/Admin")))
        {
            var response = await client.GetAsync(route.Url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route.Url}: {(int)response.StatusCode}");
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
            var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public async Task Post_CreateUserAsClerk_IsForbiddenAndCreatesNothing()
    {
        var clerk = await SignInAsync("clerk01");
        var home = await Forms.GetHtmlAsync(clerk, "/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await clerk.PostAsync("/Admin/Users/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "sneaky",
            ["Input.DisplayName"] = "x",
            ["Input.Role"] = "Admin",
            ["Input.Password"] = "sneaky-password-1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM users WHERE user_name = 'sneaky'"));
    }

    [Fact]
    public async Task Get_AdminPagesAsAdmin_Return200()
    {
        var admin = await SignInAsync("admin");
        foreach (var path in new[] { "/Admin/Users", "/Admin/Users/Create", "/Admin/Places", "/Admin/Audit" })
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
    }
}
