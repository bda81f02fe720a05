using System.Text;
using System.Text.Encodings.Web;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Exports;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyPlanning.Web.Pages.Subsidies;

public class IndexModel(SubsidyService subsidies, PlaceService places) : RegisterPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "village")] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "programme")] public Programme? Programme { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public BeneficiaryStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public Paged<BeneficiaryRow> Result { get; private set; } = null!;
    public SearchBar Search { get; private set; } = null!;
    public bool CanWrite => UserScope.From(User).IsClerk;

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await subsidies.SearchAsync(new SubsidyFilter(Programme, Status, Village, Query, 1), ct, Paging.ExportLimit);
        return Download(format, "奖励扶助", RegisterTables.Beneficiaries(rows, FullIds));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await subsidies.SearchAsync(new SubsidyFilter(Programme, Status, Village, Query, PageNo), ct);
        Search = new SearchBar("姓名或身份证号", Query, Village, VillageOptions(await places.ReadableVillagesAsync(ct)),
        [
            new SelectFilter("programme", "项目", Choices.Programmes, Programme?.ToString()),
            new SelectFilter("status", "状态", Choices.BeneficiaryStatuses, Status?.ToString()),
        ]);
    }
}
