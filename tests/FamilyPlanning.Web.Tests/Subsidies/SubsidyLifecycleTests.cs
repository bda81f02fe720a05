using System.Net;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Subsidies;

public class SubsidyLifecycleTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private static Dictionary<string, string> Application(long person, string programme = "RewardSupport", int boys = 1) => new()
    {
        ["Input.PersonId"] = person.ToString(),
        ["Input.Programme"] = programme,
        ["Input.DeclaredBoys"] = boys.ToString(),
        ["Input.DeclaredGirls"] = "0",
        ["Input.AppliedOn"] = "2026-02-01",
    };

    private async Task<HttpResponseMessage> Step(HttpClient client, long id, string handler, Dictionary<string, string>? fields = null) =>
        await Forms.PostAsync(client, $"/Subsidies/Details/{id}", fields ?? [], $"/Subsidies/Details/{id}?handler={handler}");

    [Fact]
    public async Task Application_GoesThroughPublicityTownshipReviewAndCountyApproval()
    {
        var (husband, _, _) = await _given.CoupleAsync(new DateOnly(1958, 3, 1), children: Sex.Male);
        var clerk = await SignInAsync("clerk01");
        var applied = await Forms.PostAsync(clerk, $"/Subsidies/Apply?personId={husband}", Application(husband));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var id = await Portal.ScalarAsync<long>("SELECT id FROM beneficiaries WHERE person_id = @p", ("p", husband));

        Assert.Equal(HttpStatusCode.Redirect, (await Step(clerk, id, "Advance", new() { ["Step.Note"] = "2026-02-03至02-10在村公示栏公示无异议" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(clerk, id, "Advance")).StatusCode);
        Assert.Equal(3, await Portal.ScalarAsync<int>("SELECT status FROM beneficiaries WHERE id = @id", ("id", id)));

        // The clerk cannot take the county's step.
        var denied = await Step(clerk, id, "Advance");
        Assert.Contains("县审批只能由县级工作人员办理", await denied.Content.ReadAsStringAsync());
        Assert.Equal(3, await Portal.ScalarAsync<int>("SELECT status FROM beneficiaries WHERE id = @id", ("id", id)));

        var county = await SignInAsync("county");
        Assert.Equal(HttpStatusCode.Redirect, (await Step(county, id, "Advance")).StatusCode);
        Assert.Equal(4, await Portal.ScalarAsync<int>("SELECT status FROM beneficiaries WHERE id = @id", ("id", id)));
        Assert.NotNull(await Portal.ScalarAsync<DateOnly?>("SELECT first_month FROM beneficiaries WHERE id = @id", ("id", id)));
        var steps = (await Forms.GetHtmlAsync(county, $"/Subsidies/Details/{id}")).QuerySelectorAll("#steps tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, steps.Count);
        Assert.Contains(steps, s => s.Contains("clerk01") && s.Contains("村已公示") && s.Contains("公示无异议"));
        Assert.Contains(steps, s => s.Contains("county") && s.Contains("享受中"));
    }

    [Fact]
    public async Task Application_IneligibleApplicant_IsRefusedWithTheReasons()
    {
        var (husband, _, _) = await _given.CoupleAsync(new DateOnly(1958, 3, 1), hukou: HukouType.NonAgricultural, children: [Sex.Male, Sex.Female]);
        var clerk = await SignInAsync("clerk01");
        var response = await Forms.PostAsync(clerk, $"/Subsidies/Apply?personId={husband}", Application(husband));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("不符合奖扶条件", html);
        Assert.Contains("户口性质为非农业", html);
        Assert.Contains("现有子女2个（男1、女1）", html);
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM beneficiaries"));
    }

    [Fact]
    public async Task Application_DeclaredChildrenBeyondTheRegisters_AreCounted()
    {
        var (husband, _, _) = await _given.CoupleAsync(new DateOnly(1958, 3, 1), children: Sex.Male);
        var clerk = await SignInAsync("clerk01");
        var response = await Forms.PostAsync(clerk, $"/Subsidies/Apply?personId={husband}", Application(husband, boys: 2));
        Assert.Contains("现有子女2个（男2、女0）", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reject_NeedsAReason()
    {
        var (husband, _, _) = await _given.CoupleAsync(new DateOnly(1958, 3, 1), children: Sex.Male);
        var clerk = await SignInAsync("clerk01");
        await Forms.PostAsync(clerk, $"/Subsidies/Apply?personId={husband}", Application(husband));
        var id = await Portal.ScalarAsync<long>("SELECT id FROM beneficiaries WHERE person_id = @p", ("p", husband));
        Assert.Contains("请填写退回理由", await (await Step(clerk, id, "Reject", new() { ["RejectStep.Note"] = "" })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Step(clerk, id, "Reject", new() { ["RejectStep.Note"] = "公示期间有群众反映其有第二个子女" })).StatusCode);
        Assert.Equal(8, await Portal.ScalarAsync<int>("SELECT status FROM beneficiaries WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task OtherTownshipsClerk_CannotSeeOrTouchTheBeneficiary()
    {
        var (husband, _, _) = await _given.CoupleAsync(new DateOnly(1958, 3, 1), Given.Taoyuan, Given.TaoyuanVillage, children: Sex.Male);
        var id = await _given.ApprovedAsync(husband, new DateOnly(2025, 1, 1));
        var clerk = await SignInAsync("clerk01");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/Subsidies/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/Subsidies/Apply?personId={husband}")).StatusCode);
        var token = (await Forms.GetHtmlAsync(clerk, "/Subsidies/Apply")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await Forms.GetHtmlAsync(clerk, "/Households/Create")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
                 {
                     ("Exit", new() { ["Exit.Reason"] = "Fraud", ["Exit.Date"] = "2026-01-01" }),
                     ("Advance", new() { ["Step.Note"] = "x" }),
                     ("Reject", new() { ["RejectStep.Note"] = "恶意退回" }),
                 })
        {
            fields["__RequestVerificationToken"] = token;
            var response = await clerk.PostAsync($"/Subsidies/Details/{id}?handler={handler}", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var review = $"/Subsidies/Review?year={Given.Today.Year}";
        var decide = await clerk.PostAsync(review + "&handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["beneficiaryId"] = id.ToString(),
            ["Decision.ExitReason"] = "Fraud",
        }));
        Assert.True(decide.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK, $"{(int)decide.StatusCode}");
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM annual_reviews"));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/Subsidies/Review?township={Given.Taoyuan}")).StatusCode);
        Assert.DoesNotContain("赵大爷", await clerk.GetStringAsync("/Subsidies"));
        Assert.Equal(4, await Portal.ScalarAsync<int>("SELECT status FROM beneficiaries WHERE id = @id", ("id", id)));
    }
}
