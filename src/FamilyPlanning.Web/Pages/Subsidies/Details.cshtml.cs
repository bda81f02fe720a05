using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Subsidies;

public class DetailsModel(SubsidyService subsidies) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public StepInput Step { get; set; } = new();
    [BindProperty] public StepInput RejectStep { get; set; } = new();
    [BindProperty] public ExitInput Exit { get; set; } = new();

    public Beneficiary Beneficiary { get; private set; } = null!;
    public string IdNumberShown { get; private set; } = "";
    public List<string> Reasons { get; private set; } = [];
    /// <summary>The step this user may take next, or null.</summary>
    public string? NextStep { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostAdvanceAsync(CancellationToken ct) => Act(nameof(Step), () => subsidies.AdvanceAsync(Id, Step, ct), "已办理", ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => Act(nameof(RejectStep), () => subsidies.RejectAsync(Id, RejectStep, ct), "已退回", ct);

    public Task<IActionResult> OnPostExitAsync(CancellationToken ct) => Act(nameof(Exit), () => subsidies.ExitAsync(Id, Exit, ct), "已退出", ct);

    private Task<IActionResult> Act(string form, Func<Task> action, string done, CancellationToken ct) =>
        AttemptForm(form, action, done, new { id = Id }, () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Beneficiary = await subsidies.GetAsync(Id, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        var scope = UserScope.From(User);
        IdNumberShown = Masked(Beneficiary.Person!.IdNumber, scope.CanWrite(Beneficiary.TownshipCode));
        Reasons = await subsidies.ReasonsNotEligibleAsync(Beneficiary, subsidies.Today, ct);
        Exit = Exit with { Date = Exit.Date ?? subsidies.Today };
        NextStep = Beneficiary.Status switch
        {
            BeneficiaryStatus.Applied when scope.CanWrite(Beneficiary.TownshipCode) => "村级公示完毕",
            BeneficiaryStatus.Publicized when scope.CanWrite(Beneficiary.TownshipCode) => "乡镇审核通过",
            BeneficiaryStatus.TownshipReviewed when scope.Roles.Contains(Roles.CountyStaff) => "县级审批通过",
            _ => null,
        };
        return Page();
    }
}
