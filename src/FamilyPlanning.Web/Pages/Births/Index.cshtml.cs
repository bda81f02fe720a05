using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Exports;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Births;

public class IndexModel(BirthService births, PlaceService places) : RegisterPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "village")] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public Paged<BirthRow> Result { get; private set; } = null!;
    public SearchBar Search { get; private set; } = null!;
    public bool CanWrite => UserScope.From(User).IsClerk;

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await births.SearchAsync(new BirthFilter(Query, Village, From, To, 1), ct, Paging.ExportLimit);
        return Download(format, "出生登记", RegisterTables.Births(rows, FullIds));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await births.SearchAsync(new BirthFilter(Query, Village, From, To, PageNo), ct);
        Search = new SearchBar("婴儿或母亲姓名、母亲身份证号、出生证编号", Query, Village,
            VillageOptions(await places.ReadableVillagesAsync(ct)), [new DateFilter("from", "出生日期自", From), new DateFilter("to", "至", To)]);
    }
}
