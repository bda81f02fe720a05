using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>Every Razor page the app maps, discovered from its endpoints, so a new page is covered without listing it.</summary>
public static partial class PageRoutes
{
    /// <param name="Path">the page's view path, e.g. /Births/Details</param>
    /// <param name="Template">its route, e.g. /Births/Details/{id:long}</param>
    public sealed record PageRoute(string Path, string Template, bool AllowsAnonymous, Type Model)
    {
        /// <summary>The route with every parameter filled by a value that names no record (0, or "x").</summary>
        public string Url => Parameter().Replace(Template, m => m.Value.Contains(":long") || m.Value.Contains(":int") ? "0" : "x");

        public bool Matches(string path) =>
            new TemplateMatcher(TemplateParser.Parse(Template.TrimStart('/')), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());

        /// <summary>The route values a URL of this page carries in its path (e.g. id).</summary>
        public RouteValueDictionary? RouteValues(string path)
        {
            var values = new RouteValueDictionary();
            return new TemplateMatcher(TemplateParser.Parse(Template.TrimStart('/')), new RouteValueDictionary()).TryMatch(path, values)
                ? values : null;
        }

        /// <summary>Names of the page's POST handlers ("" for OnPost itself).</summary>
        public IEnumerable<string> PostHandlers => Handlers(Model).Where(h => h.Verb == "Post").Select(h => h.Name);

        /// <summary>Properties bound from the query string on GET: the record (or township and month) the page shows.</summary>
        public IEnumerable<string> QueryKeys => Model.GetProperties()
            .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true })
            .Select(p => p.Name);
    }

    public static List<PageRoute> All(PortalFactory portal) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (e, page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.page is not null)
            .Select(x => new PageRoute(x.page!.ViewEnginePath == "/Index" ? "/" : x.page.ViewEnginePath.EndsWith("/Index") ? x.page.ViewEnginePath[..^6] : x.page.ViewEnginePath,
                "/" + x.e.RoutePattern.RawText!.TrimStart('/'),
                x.e.Metadata.GetMetadata<IAllowAnonymous>() is not null, ModelOf(x.page.ViewEnginePath)))
            .Where(r => !r.Template.EndsWith("/Index") && r.Template != "/Index")
            .DistinctBy(r => r.Template)
            .OrderBy(r => r.Template)
            .ToList();

    /// <summary>The page model class of a view path (Pages/Births/Details → FamilyPlanning.Web.Pages.Births.DetailsModel);
    /// <see cref="PageModel"/> itself for a page without one (no handlers).</summary>
    public static Type ModelOf(string viewPath) =>
        typeof(Program).Assembly.GetType("FamilyPlanning.Web.Pages" + viewPath.Replace('/', '.') + "Model") ?? typeof(PageModel);

    /// <summary>OnGet/OnPost[Name][Async] of a page model.</summary>
    public static IEnumerable<(string Verb, string Name)> Handlers(Type model) =>
        model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => HandlerName().Match(m.Name))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
            .Distinct();

    [GeneratedRegex("^On(Get|Post)(\\w*?)(Async)?$")]
    private static partial Regex HandlerName();

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex Parameter();
}
