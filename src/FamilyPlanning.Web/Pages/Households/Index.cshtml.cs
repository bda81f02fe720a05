using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Exports;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Households;

public class IndexModel(HouseholdService households, PlaceService places) : RegisterPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "village")] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public Paged<HouseholdRow> Result { get; private set; } = null!;
    public SearchBar Search { get; private set; } = null!;
    public bool CanWrite => UserScope.From(User).IsClerk;

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await households.SearchAsync(new RegisterFilter(Query, Village, 1), ct, Paging.ExportLimit);
        return Download(format, "户籍登记", RegisterTables.Households(rows));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await households.SearchAsync(new RegisterFilter(Query, Village, PageNo), ct);
        Search = new SearchBar("户编号、户主或成员姓名、身份证号", Query, Village, VillageOptions(await places.ReadableVillagesAsync(ct)));
    }
}
