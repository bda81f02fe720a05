using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Households;

public class DetailsModel(HouseholdService households, AuditLogService audit) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public Household Household { get; private set; } = null!;
    public List<AuditEntry> History { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Household = await households.GetAsync(Id, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        CanWrite = UserScope.From(User).CanWrite(Household.TownshipCode);
        History = await audit.HistoryAsync(nameof(Core.People.Household), Id.ToString(), Household.TownshipCode, ct);
        return Page();
    }
}
