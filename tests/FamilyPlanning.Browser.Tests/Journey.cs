using Microsoft.Playwright;

namespace FamilyPlanning.Browser.Tests;

/// <summary>A signed-in browser session that runs named steps: each step ends with a screenshot, and a failing step says
/// which one failed (and leaves a FAILED screenshot of the page as it was).</summary>
public sealed class Journey(string name, IPage page) : IAsyncDisposable
{
    private int _step;
    public IPage Page => page;

    public static async Task<Journey> SignInAsync(BrowserPortal portal, string name, string user)
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var journey = new Journey(name, page);
        await journey.StepAsync($"{user} 登录", async () =>
        {
            await page.GotoAsync(portal.BaseUrl + "/Account/Login");
            await page.GetByLabel("用户名").FillAsync(user);
            await page.GetByLabel("密码").FillAsync(FamilyPlanning.Core.Demo.DemoSeeder.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync(u => !u.Contains("/Account/Login"));
        });
        return journey;
    }

    public async Task StepAsync(string step, Func<Task> action)
    {
        var n = ++_step;
        try
        {
            await action();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"{n:D2}-{step}"), FullPage = true });
        }
        catch (Exception e)
        {
            try { await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"{n:D2}-FAILED-{step}"), FullPage = true }); }
            catch (PlaywrightException) { }
            throw new Xunit.Sdk.XunitException($"{name}: step {n} “{step}” failed at {page.Url}: {e.Message}");
        }
    }

    private string Shot(string step) =>
        Path.Combine(BrowserPortal.Artifacts, $"{name}-{string.Concat(step.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '_' : c))}.png");

    public async ValueTask DisposeAsync() => await page.Context.CloseAsync();
}
