using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Persons;

public class DetailsModel(PersonService persons, WomanService women, AuditLogService audit, Core.Places.PlaceService places) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public LifeEventInput Death { get; set; } = new();
    [BindProperty] public LifeEventInput MoveOut { get; set; } = new();
    [BindProperty] public LifeEventInput MoveIn { get; set; } = new();
    [BindProperty] public MaritalChangeInput Marital { get; set; } = new();
    [BindProperty] public ResidenceChangeInput Residence { get; set; } = new();
    [BindProperty] public TransferInput Transfer { get; set; } = new();
    public List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Townships { get; private set; } = [];

    public Person Person { get; private set; } = null!;
    public string IdNumberShown { get; private set; } = "";
    public long? WomanId { get; private set; }
    public bool CanWrite { get; private set; }
    public List<AuditEntry> History { get; private set; } = [];
    public List<PersonEvent> Events { get; private set; } = [];
    private Dictionary<string, string> _villages = [];

    public string VillageName(string code) => _villages.GetValueOrDefault(code, code);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostDeathAsync(CancellationToken ct) =>
        Act(nameof(Death), () => persons.RecordDeathAsync(Id, Version, Death, ct), "已登记死亡", ct);

    public Task<IActionResult> OnPostMoveOutAsync(CancellationToken ct) =>
        Act(nameof(MoveOut), () => persons.MoveOutAsync(Id, Version, MoveOut, ct), "已登记迁出", ct);

    public Task<IActionResult> OnPostMoveInAsync(CancellationToken ct) =>
        Act(nameof(MoveIn), () => persons.MoveInAsync(Id, Version, MoveIn, ct), "已登记迁入", ct);

    public Task<IActionResult> OnPostDeleteFactAsync(long eventId, string? reason, CancellationToken ct) =>
        Act("", () => persons.DeleteFactAsync(Id, Version, eventId, reason, ct), "已删除该条变动记录", ct);

    public Task<IActionResult> OnPostTransferAsync(CancellationToken ct)
    {
        OnlyValidate(nameof(Transfer));
        return Attempt(async () =>
        {
            var left = await persons.TransferAsync(Id, Version, Transfer, ct);
            TempData["Message"] = left ? "已迁往本县其他乡镇，该人员档案由迁入乡镇管理" : "已登记户/村变动";
            return left ? RedirectToPage("/Persons/Index") : RedirectToPage(new { id = Id });
        }, nameof(Transfer), () => Show(ct));
    }

    public Task<IActionResult> OnPostMaritalAsync(CancellationToken ct) =>
        Act(nameof(Marital), () => persons.ChangeMaritalStatusAsync(Id, Version, Marital, ct), "已登记婚姻变动", ct);

    public Task<IActionResult> OnPostResidenceAsync(CancellationToken ct) =>
        Act(nameof(Residence), () => persons.ChangeResidenceAsync(Id, Version, Residence, ct), "已登记居住状况变动", ct);

    private Task<IActionResult> Act(string form, Func<Task> action, string done, CancellationToken ct) =>
        AttemptForm(form, action, done, new { id = Id }, () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Person = await persons.GetAsync(Id, ct);
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        CanWrite = UserScope.From(User).CanWrite(Person.TownshipCode);
        IdNumberShown = Masked(Person.IdNumber, persons.SeesFullIdNumbers(Person.TownshipCode));
        WomanId = await women.IdOfPersonAsync(Id, ct);
        History = await audit.HistoryAsync(nameof(Core.People.Person), Id.ToString(), Person.TownshipCode, ct);
        (Events, _villages) = await persons.EventsAsync(Person, ct);
        Townships = (await places.TownshipsAsync(ct)).Where(t => t.AbolishedOn is null)
            .Select(t => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(t.Name, t.Code, t.Code == Person.TownshipCode)).ToList();
        return Page();
    }
}
