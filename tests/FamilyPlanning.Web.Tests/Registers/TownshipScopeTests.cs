using System.Net;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Registers;

/// <summary>A clerk of 龙门街道 (clerk01) against the records of 桃园街道 (clerk02's township): every route refuses, nothing changes.</summary>
public class TownshipScopeTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private sealed record Others(long Household, long Person, long Woman, long Birth, long Event);

    private async Task<Others> TaoyuanRecordsAsync()
    {
        var (woman, person, household) = await _given.MotherAsync(new DateOnly(1992, 2, 2), township: Given.Taoyuan,
            village: Given.TaoyuanVillage, name: "桃园妇女");
        var clerk02 = await SignInAsync("clerk02");
        await Forms.PostAsync(clerk02, $"/Births/Register?motherId={woman}", new()
        {
            ["Input.MotherId"] = woman.ToString(),
            ["Input.BirthDate"] = "2026-01-05",
            ["Input.ReportedOn"] = "2026-01-06",
            ["Input.Children[0].Name"] = "桃园婴儿",
            ["Input.Children[0].Sex"] = "Female",
        });
        await Forms.PostAsync(clerk02, $"/Contraception/Create?womanId={woman}", new()
        {
            ["Input.WomanId"] = woman.ToString(),
            ["Input.Type"] = "IudInsertion",
            ["Input.Date"] = "2026-03-01",
            ["Input.Institution"] = "TownshipClinic",
        });
        var birth = await Portal.ScalarAsync<long>("SELECT id FROM births WHERE mother_id = @w", ("w", woman));
        var ev = await Portal.ScalarAsync<long>("SELECT id FROM contraceptive_events WHERE woman_id = @w", ("w", woman));
        Assert.True(birth > 0 && ev > 0, "arrange: clerk02 records a birth and an event");
        return new Others(household, person, woman, birth, ev);
    }

    private async Task<string> SnapshotAsync() => (await Portal.ScalarAsync<string>("""
        SELECT concat_ws('|',
          (SELECT string_agg(concat_ws(',', id, number, head_name, village_code), ';' ORDER BY id) FROM households),
          (SELECT string_agg(concat_ws(',', id, name, died_on, moved_out_on, id_number), ';' ORDER BY id) FROM persons),
          (SELECT string_agg(concat_ws(',', id, boys_before, married_on), ';' ORDER BY id) FROM women),
          (SELECT string_agg(concat_ws(',', id, policy_status, policy_reason, place), ';' ORDER BY id) FROM births),
          (SELECT string_agg(concat_ws(',', id, type, date), ';' ORDER BY id) FROM contraceptive_events),
          (SELECT count(*) FROM audit_log))
        """))!;

    [Fact]
    public async Task Clerk_OtherTownshipRecords_AreNotFoundOnEveryReadRoute()
    {
        var o = await TaoyuanRecordsAsync();
        var clerk = await SignInAsync("clerk01");
        string[] reads =
        [
            $"/Households/Details/{o.Household}", $"/Households/Edit/{o.Household}",
            $"/Persons/Details/{o.Person}", $"/Persons/Edit/{o.Person}", $"/Persons/Create?householdId={o.Household}",
            $"/Women/Details/{o.Woman}", $"/Women/Edit/{o.Woman}", $"/Women/Create?personId={o.Person}",
            $"/Births/Details/{o.Birth}", $"/Births/Edit/{o.Birth}", $"/Births/Register?motherId={o.Woman}",
            $"/Contraception/Create?womanId={o.Woman}",
        ];
        foreach (var url in reads)
            Assert.True((await clerk.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);

        foreach (var list in new[] { "/Households", "/Persons", "/Women?left=true", "/Births", "/Contraception" })
        {
            var html = await clerk.GetStringAsync(list);
            Assert.DoesNotContain("桃园", html.Replace("桃园街道", ""));
        }
        Assert.Empty((await Forms.GetHtmlAsync(clerk, "/Women/Create?q=桃园妇女")).QuerySelectorAll("#candidates li"));
    }

    [Fact]
    public async Task Clerk_OtherTownshipRecords_EveryWriteRouteRefusesAndChangesNothing()
    {
        var o = await TaoyuanRecordsAsync();
        var before = await SnapshotAsync();
        var clerk = await SignInAsync("clerk01");
        var token = (await Forms.GetHtmlAsync(clerk, "/Households/Create"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> Post(string url, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = token;
            return await clerk.PostAsync(url, new FormUrlEncodedContent(fields));
        }

        var writes = new (string url, Dictionary<string, string> fields)[]
        {
            ($"/Households/Edit/{o.Household}", new() { ["Version"] = "0", ["Input.Number"] = "X", ["Input.VillageCode"] = Given.LongmenVillage, ["Input.HeadName"] = "X", ["Input.HukouType"] = "Agricultural" }),
            ($"/Persons/Create?householdId={o.Household}", new() { ["Input.Name"] = "闯入者", ["Input.Sex"] = "Male", ["Input.BirthDate"] = "1990-01-01", ["Input.Relation"] = "Other", ["Input.MaritalStatus"] = "Unmarried", ["Input.Residence"] = "Resident" }),
            ($"/Persons/Edit/{o.Person}", new() { ["Version"] = "0", ["Input.Name"] = "改名", ["Input.Sex"] = "Female", ["Input.BirthDate"] = "1992-02-02", ["Input.Relation"] = "Spouse", ["Input.MaritalStatus"] = "FirstMarriage", ["Input.Residence"] = "Resident" }),
            ($"/Persons/Details/{o.Person}?handler=Death", new() { ["Version"] = "0", ["Death.Date"] = "2026-01-01" }),
            ($"/Persons/Details/{o.Person}?handler=MoveOut", new() { ["Version"] = "0", ["MoveOut.Date"] = "2026-01-01" }),
            ($"/Women/Edit/{o.Woman}", new() { ["Version"] = "0", ["Input.RegisteredOn"] = "2015-01-01", ["Input.MarriedOn"] = "2015-01-01", ["Input.BoysBefore"] = "5", ["Input.GirlsBefore"] = "0" }),
            ($"/Women/Create?personId={o.Person}", new() { ["Input.RegisteredOn"] = "2020-01-01", ["Input.MarriedOn"] = "2015-01-01" }),
            ($"/Women/Details/{o.Woman}?handler=DeleteEvent", new() { ["eventId"] = o.Event.ToString(), ["eventVersion"] = "0" }),
            ($"/Births/Register?motherId={o.Woman}", new() { ["Input.MotherId"] = o.Woman.ToString(), ["Input.BirthDate"] = "2026-06-01", ["Input.ReportedOn"] = "2026-06-01", ["Input.Children[0].Name"] = "闯入", ["Input.Children[0].Sex"] = "Male" }),
            ($"/Births/Edit/{o.Birth}", new() { ["Version"] = "0", ["Input.Place"] = "改", ["Input.ReportedOn"] = "2026-01-06" }),
            ($"/Births/Details/{o.Birth}?handler=Override", new() { ["Override.Status"] = "OutOfPolicy", ["Override.Reason"] = "恶意修改理由" }),
            ($"/Births/Details/{o.Birth}?handler=Delete", new() { ["Version"] = "0" }),
            ($"/Contraception/Create?womanId={o.Woman}", new() { ["Input.WomanId"] = o.Woman.ToString(), ["Input.Type"] = "IudRemoval", ["Input.Date"] = "2026-04-01", ["Input.Institution"] = "Hospital" }),
        };
        foreach (var (url, fields) in writes)
        {
            var response = await Post(url, fields);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
                Assert.Contains("本乡镇", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task CountyStaff_ReadsEveryTownshipButCannotEdit()
    {
        var o = await TaoyuanRecordsAsync();
        var county = await SignInAsync("county");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/Women/Details/{o.Woman}")).StatusCode);
        Assert.Contains("桃园婴儿", await county.GetStringAsync("/Births"));
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/Persons/Edit/{o.Person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/Births/Register?motherId={o.Woman}")).StatusCode);
    }

    [Fact]
    public async Task OfficialAndAdmin_CannotOpenRegisters()
    {
        foreach (var user in new[] { "leader", "admin" })
        {
            var client = await SignInAsync(user);
            var response = await client.GetAsync("/Persons");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }
}
