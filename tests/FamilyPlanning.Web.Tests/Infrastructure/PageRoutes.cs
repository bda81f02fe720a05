using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>Every Razor page the app maps, discovered from its endpoints, so a new page is covered without listing it.</summary>
public static class PageRoutes
{
    public sealed record PageRoute(string Path, bool AllowsAnonymous);

    public static List<PageRoute> All(PortalFactory portal) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => new PageRoute("/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .Where(r => !r.Path.EndsWith("/Index") || r.Path == "/Index")
            .DistinctBy(r => r.Path)
            .OrderBy(r => r.Path)
            .ToList();
}
