using FamilyPlanning.Core.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Admin.Audit;

public class IndexModel(AuditLogService audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNo { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, AuditLogService.PageSize);
    public List<string> Entities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entities = await audit.EntitiesAsync(ct);
        Result = await audit.SearchAsync(new AuditFilter(Entity, UserFilter, From, To, PageNo), ct);
    }
}
