using System.Net;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>A copied session cookie stops working once the user's security stamp changes: logout, password reset, disabling.</summary>
public class SessionTests(PortalFactory portal) : PortalTest(portal)
{
    private HttpClient Raw() =>
        Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>Signs in without a cookie jar and returns the cookies the server set, as an attacker would copy them.</summary>
    private async Task<string> SignInForCookieAsync(string user)
    {
        var client = Raw();
        var page = await client.GetAsync("/Account/Login");
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var doc = await Forms.ParseAsync(page);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = user,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", cookies.Concat(response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
    }

    private async Task<HttpResponseMessage> WithCookieAsync(HttpMethod method, string url, string cookie, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return await Raw().SendAsync(request);
    }

    private async Task<HttpStatusCode> ReplayAsync(string cookie) => (await WithCookieAsync(HttpMethod.Get, "/Persons", cookie)).StatusCode;

    [Fact]
    public async Task CopiedCookie_WorksUntilLogout_ThenNoLonger()
    {
        var cookie = await SignInForCookieAsync("clerk03");
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(cookie));

        // The user signs out in their own browser…
        var home = await Forms.ParseAsync(await WithCookieAsync(HttpMethod.Get, "/", cookie));
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var logout = await WithCookieAsync(HttpMethod.Post, "/Account/Logout", cookie,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        // …and the copy of the cookie taken before no longer opens anything.
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie));
    }

    [Fact]
    public async Task PasswordReset_EndsTheUsersExistingSessions()
    {
        var clerk = await SignInAsync("clerk04");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/Persons")).StatusCode);
        var admin = await SignInAsync("admin");
        var id = (await Portal.ScalarAsync<string>("SELECT id FROM users WHERE user_name = 'clerk04'"))!;
        var reset = await Forms.PostAsync(admin, $"/Admin/Users/Edit/{id}", new() { ["NewPassword"] = "another-long-passphrase" },
            $"/Admin/Users/Edit/{id}?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var after = await clerk.GetAsync("/Persons");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task DataProtectionKeys_AreEncryptedAtRest_WithTheConfiguredKey()
    {
        await SignInAsync("county"); // a sign-in cookie needs a key: the first one is made and stored by now
        var xml = (await Portal.ScalarAsync<string>("SELECT string_agg(xml, '') FROM data_protection_keys"))!;
        Assert.Contains("aesGcmEncrypted", xml);
        Assert.DoesNotContain("<masterKey", xml);
        // A wrong key is refused by name at start rather than failing later on every cookie.
        var config = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder(),
            new Dictionary<string, string?> { [FamilyPlanning.Web.Infrastructure.KeyEncryption.Setting] = "short" }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => { FamilyPlanning.Web.Infrastructure.KeyEncryption.Key(config); });
        Assert.Contains("DataProtection:KeyEncryptionKey", e.Message);
    }
}
