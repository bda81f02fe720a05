using System.Net;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>Beyond the register pages (Registers/TownshipScopeTests): dashboards, the API, reports, monthly reports,
/// subsidies and imports refuse another township's codes and ids, and nothing changes.</summary>
public class CrossTownshipTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Clerk_OtherTownshipOnEveryOtherRoute_NotFoundAndNothingChanged()
    {
        var given = new Given(Portal);
        var (_, person, _) = await given.MotherAsync(new DateOnly(1990, 1, 1), township: Given.Taoyuan, village: Given.TaoyuanVillage, name: "桃园妇女");
        var beneficiary = await given.ApprovedAsync(person, new DateOnly(2026, 1, 1));
        var month = Given.Today.AddMonths(-1).ToString("yyyy-MM");
        var taoyuanClerk = await SignInAsync("clerk02");
        var import = await Forms.UploadAsync(taoyuanClerk, "/Imports", new() { ["Kind"] = "persons" }, "Upload", "x.csv", [1, 2, 3]);
        var run = import.Headers.Location!.OriginalString;
        var audit = await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log");

        var clerk = await SignInAsync("clerk01");
        foreach (var url in new[]
        {
            $"/Dashboard/Township?code={Given.Taoyuan}", $"/Dashboard/Township?code={Given.Taoyuan}&handler=Export&format=csv",
            $"/api/indicators?township={Given.Taoyuan}", $"/Reports/HalfYear?area={Given.Taoyuan}&year=2026&part=H1",
            $"/Reports/HalfYear?handler=Pdf&area={Given.Taoyuan}&year=2026&part=H1", "/Reports/HalfYear?handler=Pdf&area=county&year=2026&part=H1",
            $"/Monthly/Report?township={Given.Taoyuan}&month={month}", $"/Subsidies/Details/{beneficiary}", run,
            run + "?handler=Report&format=csv",
        })
        {
            var response = await clerk.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        var token = (await Forms.GetHtmlAsync(clerk, "/Imports")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/Monthly/Report?township={Given.Taoyuan}&month={month}&handler=Submit", []),
            ($"/Subsidies/Details/{beneficiary}?handler=Advance", new() { ["Step.Note"] = "越权" }),
            ($"/Reports/HalfYear?area={Given.Taoyuan}&year=2026&part=H1&handler=Narrative", new() { ["area"] = Given.Taoyuan, ["year"] = "2026", ["part"] = "H1", ["Input.Practices"] = "越权" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            var response = await clerk.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM monthly_reports"));
        Assert.Equal(0, await Portal.ScalarAsync<long>("SELECT count(*) FROM narrative_drafts"));
        Assert.Equal(audit, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }
}
