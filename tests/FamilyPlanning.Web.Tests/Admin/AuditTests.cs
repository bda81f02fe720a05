using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Admin;

public class AuditTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Get_AuditLog_FiltersByEntityAndUser()
    {
        var admin = await SignInAsync("admin");
        var page = "/Admin/Places/Township/371426100000";
        await Forms.SubmitAsync(admin, page, "Rename", new() { ["newName"] = "王凤楼新镇" });

        var doc = await Forms.GetHtmlAsync(admin, "/Admin/Audit?entity=Township&user=admin");
        var row = Assert.Single(doc.QuerySelectorAll("#audit tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["admin", "乡镇（街道）", "371426100000", "修改"], cells[1..5]);
        Assert.Equal("{\"Name\": \"王凤楼镇\"}", cells[5]);
        Assert.Equal("{\"Name\": \"王凤楼新镇\"}", cells[6]);

        var none = await Forms.GetHtmlAsync(admin, "/Admin/Audit?entity=Township&user=county");
        Assert.Empty(none.QuerySelectorAll("#audit tbody tr"));
    }
}
