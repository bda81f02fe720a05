using System.Text;
using System.Text.Encodings.Web;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Exports;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Contraception;

public class IndexModel(ContraceptionService contraception, PlaceService places) : RegisterPage
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "village")] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public ContraceptiveType? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

    public Paged<ContraceptionRow> Result { get; private set; } = null!;
    public SearchBar Search { get; private set; } = null!;
    public bool CanWrite => UserScope.From(User).IsClerk;

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await contraception.SearchAsync(new ContraceptionFilter(Query, Village, Type, From, To, 1), ct, Paging.ExportLimit);
        return Download(format, "节育手术", RegisterTables.Contraception(rows, FullIds));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await contraception.SearchAsync(new ContraceptionFilter(Query, Village, Type, From, To, PageNo), ct);
        Search = new SearchBar("姓名或身份证号", Query, Village, VillageOptions(await places.ReadableVillagesAsync(ct)),
        [
            new SelectFilter("type", "手术/方法", Choices.ContraceptiveTypes, Type?.ToString()),
            new DateFilter("from", "日期自", From),
            new DateFilter("to", "至", To),
        ]);
    }
}
