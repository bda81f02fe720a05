using FamilyPlanning.Core.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Admin.Users;

public class IndexModel(UserService users) : PageModel
{
    public List<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await users.ListAsync(ct);
}
