using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Exports;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Persons;

public class IndexModel(PersonService persons, PlaceService places) : RegisterPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "village")] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public Paged<PersonRow> Result { get; private set; } = null!;
    public SearchBar Search { get; private set; } = null!;

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await persons.SearchAsync(new RegisterFilter(Query, Village, 1), ct, Paging.ExportLimit);
        return Download(format, "人口登记", RegisterTables.Persons(rows, FullIds));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await persons.SearchAsync(new RegisterFilter(Query, Village, PageNo), ct);
        Search = new SearchBar("姓名、身份证号或户编号", Query, Village, VillageOptions(await places.ReadableVillagesAsync(ct)));
    }
}
