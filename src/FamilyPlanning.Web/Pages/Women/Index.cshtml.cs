using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Exports;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Women;

public class IndexModel(WomanService women, PlaceService places) : RegisterPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "village")] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "left")] public bool IncludeLeft { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public Paged<WomanRow> Result { get; private set; } = null!;
    public SearchBar Search { get; private set; } = null!;
    public DateOnly Today => women.Today;
    public bool CanWrite => UserScope.From(User).IsClerk;

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await women.SearchAsync(new WomanFilter(Query, Village, IncludeLeft, 1), ct, Paging.ExportLimit);
        return Download(format, "育龄妇女", RegisterTables.Women(rows, Today, FullIds));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await women.SearchAsync(new WomanFilter(Query, Village, IncludeLeft, PageNo), ct);
        Search = new SearchBar("姓名、身份证号或户编号", Query, Village, VillageOptions(await places.ReadableVillagesAsync(ct)),
            [new CheckFilter("left", "包括已出队", IncludeLeft)]);
    }
}
