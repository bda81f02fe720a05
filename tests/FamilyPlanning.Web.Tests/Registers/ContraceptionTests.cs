using System.Net;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Registers;

public class ContraceptionTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private static Dictionary<string, string> Event(long woman, string type, string date) => new()
    {
        ["Input.WomanId"] = woman.ToString(),
        ["Input.Type"] = type,
        ["Input.Date"] = date,
        ["Input.Institution"] = "TownshipClinic",
    };

    private Task<HttpResponseMessage> RecordAsync(HttpClient clerk, long woman, string type, string date) =>
        Forms.PostAsync(clerk, $"/Contraception/Create?womanId={woman}", Event(woman, type, date));

    [Fact]
    public async Task Post_IudRemovalWithoutIud_IsRefusedAndSavesNothing()
    {
        var (woman, _, _) = await _given.MotherAsync(new DateOnly(1992, 1, 1));
        var clerk = await SignInAsync("clerk01");
        var response = await RecordAsync(clerk, woman, "IudRemoval", "2025-05-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该妇女当时没有放置宫内节育器，不能登记取环", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await Portal.ScalarAsync<long>("SELECT count(*) FROM contraceptive_events"));
    }

    [Fact]
    public async Task Post_IudInsertionThenRemoval_ChangesTheMethodInEffect()
    {
        var (woman, _, _) = await _given.MotherAsync(new DateOnly(1992, 1, 1));
        var clerk = await SignInAsync("clerk01");
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(clerk, woman, "IudInsertion", "2024-05-01")).StatusCode);
        Assert.Equal("宫内节育器", (await Forms.GetHtmlAsync(clerk, $"/Women/Details/{woman}")).Text("#method"));
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'ContraceptiveEvent'"));

        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(clerk, woman, "IudRemoval", "2025-05-01")).StatusCode);
        Assert.Equal("未避孕", (await Forms.GetHtmlAsync(clerk, $"/Women/Details/{woman}")).Text("#method"));
    }

    [Fact]
    public async Task Post_MethodForSterilisedWoman_IsRefused()
    {
        var (woman, _, _) = await _given.MotherAsync(new DateOnly(1985, 1, 1));
        var clerk = await SignInAsync("clerk01");
        await RecordAsync(clerk, woman, "Vasectomy", "2020-05-01");
        var response = await RecordAsync(clerk, woman, "Pill", "2025-05-01");
        Assert.Contains("该妇女已落实男性绝育，无需再采取其他避孕措施", await response.Content.ReadAsStringAsync());
        Assert.Equal(1L, await Portal.ScalarAsync<long>("SELECT count(*) FROM contraceptive_events"));
    }

    [Fact]
    public async Task Post_DeleteInsertionThatALaterRemovalNeeds_IsRefused()
    {
        var (woman, _, _) = await _given.MotherAsync(new DateOnly(1992, 1, 1));
        var clerk = await SignInAsync("clerk01");
        await RecordAsync(clerk, woman, "IudInsertion", "2024-05-01");
        await RecordAsync(clerk, woman, "IudRemoval", "2025-05-01");
        var insertion = await Portal.ScalarAsync<long>("SELECT id FROM contraceptive_events WHERE type = 1");
        var version = await Portal.ScalarAsync<long>("SELECT xmin::text::bigint FROM contraceptive_events WHERE id = @id", ("id", insertion));
        var page = $"/Women/Details/{woman}";
        var response = await Forms.SubmitAsync(clerk, page, "DeleteEvent", new() { ["eventId"] = insertion.ToString(), ["eventVersion"] = version.ToString() });
        Assert.Contains("将不成立", await response.Content.ReadAsStringAsync());
        Assert.Equal(2L, await Portal.ScalarAsync<long>("SELECT count(*) FROM contraceptive_events"));
    }
}
