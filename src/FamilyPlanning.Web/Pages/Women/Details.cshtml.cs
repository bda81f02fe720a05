using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Women;

public class DetailsModel(WomanService women, PersonService persons, BirthService births, ContraceptionService contraception,
    AuditLogService audit) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public Woman Woman { get; private set; } = null!;
    public string IdNumberShown { get; private set; } = "";
    public List<Birth> Births { get; private set; } = [];
    public List<ContraceptiveEvent> Events { get; private set; } = [];
    public Method Method { get; private set; }
    public int Boys { get; private set; }
    public int Girls { get; private set; }
    public DateOnly Today => women.Today;
    public bool CanWrite { get; private set; }
    public List<AuditEntry> History { get; private set; } = [];
    public List<WomanExemption> Exemptions { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostDeleteEventAsync(long eventId, uint eventVersion, CancellationToken ct) => Attempt(async () =>
    {
        await contraception.DeleteAsync(eventId, eventVersion, ct);
        TempData["Message"] = "已删除节育记录";
        return RedirectToPage("Details", new { id = Id });
    }, "", () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Woman = await women.GetAsync(Id, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        CanWrite = UserScope.From(User).CanWrite(Woman.TownshipCode);
        IdNumberShown = Masked(Woman.Person!.IdNumber, persons.SeesFullIdNumbers(Woman.TownshipCode));
        Births = await births.OfMotherAsync(Id, ct);
        Events = await contraception.OfWomanAsync(Id, ct);
        Method = Methods.InEffect(Events.Select(e => (e.Type, e.Date)), Today);
        Boys = Woman.BoysBefore + Births.Count(b => b.Sex == Sex.Male);
        Girls = Woman.GirlsBefore + Births.Count(b => b.Sex == Sex.Female);
        History = await audit.HistoryAsync(nameof(Core.People.Woman), Id.ToString(), Woman.TownshipCode, ct);
        Exemptions = await women.ExemptionsAsync(Woman.Id, ct);
        return Page();
    }
}
