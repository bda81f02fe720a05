namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>Base for HTTP tests: the shared portal, reset to the seeded demo county before each test.</summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTest(PortalFactory portal) : IAsyncLifetime
{
    public const string Password = FamilyPlanning.Core.Demo.DemoSeeder.DemoPassword;
    protected PortalFactory Portal { get; } = portal;

    public Task InitializeAsync() => Portal.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A cookie-keeping client signed in as the given demo user.</summary>
    protected async Task<HttpClient> SignInAsync(string userName, string password = Password)
    {
        var client = Portal.Browser();
        var response = await Forms.PostAsync(client, "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect,
            $"login as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }
}
