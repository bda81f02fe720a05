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
    public async Task Post_FiveFailures_SlowThatNameFromThatAddress_RealOrNot_AndNeverLockTheAccount()
    {
        var client = Portal.Browser();
        for (var i = 0; i < 5; i++)
        {
            await Forms.PostAsync(client, "/Account/Login", Credentials("clerk02", "wrong-password-" + i));
            await Forms.PostAsync(client, "/Account/Login", Credentials("no-such-clerk", "wrong-password-" + i));
        }
        // Now even the right password waits, with the same words as a name that does not exist; no auth cookie is issued.
        var right = await Forms.PostAsync(client, "/Account/Login", Credentials("clerk02", Password));
        var unknown = await Forms.PostAsync(client, "/Account/Login", Credentials("no-such-clerk", Password));
        Assert.Equal("尝试次数过多，请1秒后再试", (await Forms.ParseAsync(right)).Text(".validation-summary-errors li"));
        Assert.Equal("尝试次数过多，请1秒后再试", (await Forms.ParseAsync(unknown)).Text(".validation-summary-errors li"));
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("fp.auth="));
        // The account itself is never locked: its owner only waits out the delay.
        Assert.Null(await Portal.ScalarAsync<DateTime?>("SELECT lockout_end FROM users WHERE user_name = 'clerk02'"));
        Portal.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await Forms.PostAsync(client, "/Account/Login", Credentials("clerk02", Password));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public void Throttle_CountsPerNameAndAddress_DoublesTheDelay_AndForgetsOnSuccess()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(FamilyPlanning.Tests.Shared.TestClock.Now);
        var throttle = new FamilyPlanning.Web.Infrastructure.LoginThrottle(clock);
        for (var i = 0; i < 7; i++) throttle.Failed("clerk02", "10.0.0.9");
        Assert.Equal(TimeSpan.FromSeconds(4), throttle.Wait("CLERK02 ", "10.0.0.9"));   // 1 s after the 5th, doubling
        Assert.Equal(TimeSpan.Zero, throttle.Wait("clerk02", "10.0.0.7"));             // the office's own address is free
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.Zero, throttle.Wait("clerk02", "10.0.0.9"));
        throttle.Succeeded("clerk02", "10.0.0.9");
        throttle.Failed("clerk02", "10.0.0.9");
        Assert.Equal(TimeSpan.Zero, throttle.Wait("clerk02", "10.0.0.9"));
    }

    [Fact]
    public async Task Post_UnknownDisabledAndWrong_SameWordsAfterTheSameWork()
    {
        var hasher = new CountingHasher();
        await using var counted = Portal.WithWebHostBuilder(b => Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(b,
            s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<FamilyPlanning.Core.Security.AppUser>>(s, hasher)));
        await Portal.ScalarAsync<int>("UPDATE users SET is_disabled = true WHERE user_name = 'leader'");
        var client = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var answers = new List<string>();
        foreach (var (user, password) in new[] { ("nobody-here", "not-the-password"), ("leader", Password), ("clerk01", "not-the-password") })
        {
            var before = hasher.Verifications;
            answers.Add((await Forms.ParseAsync(await Forms.PostAsync(client, "/Account/Login", Credentials(user, password)))).Text(".validation-summary-errors li"));
            Assert.Equal(before + 1, hasher.Verifications);
        }
        Assert.All(answers, a => Assert.Equal("用户名或密码错误", a));
    }

    private sealed class CountingHasher : Microsoft.AspNetCore.Identity.PasswordHasher<FamilyPlanning.Core.Security.AppUser>
    {
        private int _verifications;
        public int Verifications => _verifications;

        public override Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(FamilyPlanning.Core.Security.AppUser user,
            string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
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
