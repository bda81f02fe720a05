using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FamilyPlanning.Web.Pages.Persons;

public class EditModel(PersonService persons) : RegisterPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public PersonInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            var p = await persons.WritableAsync(Id, ct);
            Version = p.Version;
            Input = new PersonInput
            {
                Name = p.Name,
                Sex = p.Sex,
                BirthDate = p.BirthDate,
                IdNumber = p.IdNumber,
                Relation = p.Relation,
                MaritalStatus = p.MaritalStatus,
                Residence = p.Residence,
                MovedInOn = p.MovedInOn,
            };
        }
        catch (NotFoundOrForbidden)
        {
            return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await persons.UpdateAsync(Id, Version, Input, ct);
        TempData["Message"] = "已保存";
        return RedirectToPage("Details", new { id = Id });
    }, nameof(Input), () => Task.FromResult<IActionResult>(Page()));
}
