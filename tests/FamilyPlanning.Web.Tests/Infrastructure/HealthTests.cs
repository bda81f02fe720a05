using System.Net;

namespace FamilyPlanning.Web.Tests.Infrastructure;

public class HealthTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Get_Healthz_DatabaseUp_Returns200Healthy()
    {
        var response = await Portal.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_AnyPage_CarriesSecurityHeaders()
    {
        var response = await Portal.Browser().GetAsync("/Account/Login");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
