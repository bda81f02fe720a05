using System.Net;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FamilyPlanning.Web.Tests.Account;

public class LoginTests(PortalFactory portal) : PortalTest(portal)
{
    private static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["Input.UserName"] = user, ["Input.Password"] = password };

    [Fact]
    public async Task Get_LoginPage_IsChinese()
    {
        var doc = await Forms.GetHtmlAsync(Portal.Browser(), "/Account/Login");
        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("登录", doc.Text("h1"));
        // Chinese is emitted as text, not as &#x...; escapes.
        var raw = await Portal.Browser().GetStringAsync("/Account/Login");
        Assert.Contains("计划生育统计管理平台", raw);
    }

    [Fact]
    public async Task Post_CorrectPassword_SignsInAndShowsName()
    {
        var client = await SignInAsync("clerk01");
        var home = await Forms.GetHtmlAsync(client, "/");
        Assert.Contains("龙门街道统计员", home.Text("#current-user"));
        Assert.Contains("乡镇统计员", home.Text("#current-user"));
    }

    [Fact]
    public async Task Post_WrongPasswordAndUnknownUser_GiveTheSameMessage()
    {
        var wrong = await Forms.ParseAsync(await Forms.PostAsync(Portal.Browser(), "/Account/Login", Credentials("clerk01", "not-the-password")));
        var unknown = await Forms.ParseAsync(await Forms.PostAsync(Portal.Browser(), "/Account/Login", Credentials("nobody-here", "not-the-password")));
        Assert.Equal("用户名或密码错误", wrong.Text(".validation-summary-errors li"));
        Assert.Equal(wrong.Text(".validation-summary-errors li"), unknown.Text(".validation-summary-errors li"));
    }

    [Fact]
    public async Task Post_WrongPasswordFiveTimes_LocksAccountFor15Minutes()
    {
        var client = Portal.Browser();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
            last = await Forms.PostAsync(client, "/Account/Login", Credentials("clerk02", "wrong-password-" + i));
        Assert.Contains("账号已锁定15分钟", (await Forms.ParseAsync(last)).Text(".validation-summary-errors li"));

        var lockoutEnd = await Portal.ScalarAsync<DateTime>("SELECT lockout_end FROM users WHERE user_name = 'clerk02'");
        // wall clock: ASP.NET Core Identity's UserManager sets and checks lockouts on it, not on the portal's TimeProvider.
        Assert.InRange(lockoutEnd - DateTime.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1)); // wall clock: Identity

        // Now even the right password is refused, and no auth cookie is issued.
        var right = await Forms.PostAsync(client, "/Account/Login", Credentials("clerk02", Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("fp.auth="));
    }

    [Fact]
    public async Task Post_DisabledUser_CannotSignIn()
    {
        await Portal.ScalarAsync<int>("UPDATE users SET is_disabled = true WHERE user_name = 'leader'");
        var response = await Forms.PostAsync(Portal.Browser(), "/Account/Login", Credentials("leader", Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("用户名或密码错误", (await Forms.ParseAsync(response)).Text(".validation-summary-errors li"));
    }

    [Fact]
    public async Task Post_Logout_EndsTheSession()
    {
        var client = await SignInAsync("county");
        var logout = await Forms.PostAsync(client, "/", [], "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Post_LoginWithoutAntiforgeryToken_IsRejected()
    {
        var response = await Portal.Browser().PostAsync("/Account/Login",
            new FormUrlEncodedContent(Credentials("admin", Password)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Cookies_AreHttpOnlySecureAndSameSite()
    {
        var client = Portal.Browser();
        var response = await Forms.PostAsync(client, "/Account/Login", Credentials("admin", Password));
        var auth = response.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("fp.auth="));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_LoginFloodFromOneAddress_Gets429WithAChineseMessage()
    {
        using var limited = Portal.WithWebHostBuilder(b => b.UseSetting("Security:LoginAttemptsPerMinutePerIp", "3"));
        var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await Forms.PostAsync(client, "/Account/Login", Credentials("clerk09", "wrong-" + i));
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("登录尝试过于频繁", await last.Content.ReadAsStringAsync());
    }
}
