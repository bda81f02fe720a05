using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>
/// A form that posts to a named handler gets an action URL from the tag helper, which drops the page's query string: every
/// such form on a page that needs a record id (or township and month) must carry it, or a browser posts to nothing. The
/// browser journeys found this on the monthly report; this checks every page of that kind.
/// </summary>
public class FormActionTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    [Fact]
    public async Task PostForms_OnRecordPages_CarryTheRecord()
    {
        var (woman, person, _) = await _given.MotherAsync(new DateOnly(1992, 3, 3));
        var beneficiary = await _given.ApprovedAsync(person, new DateOnly(2026, 1, 1));
        await _given.Db(async db =>
        {
            db.Beneficiaries.Find(beneficiary)!.Status = FamilyPlanning.Core.Subsidies.BeneficiaryStatus.Applied;
            db.ContraceptiveEvents.Add(new FamilyPlanning.Core.Contraception.ContraceptiveEvent
            {
                WomanId = woman,
                TownshipCode = Given.Longmen,
                VillageCode = Given.LongmenVillage,
                Type = FamilyPlanning.Core.Contraception.ContraceptiveType.Condom,
                Date = new DateOnly(2025, 1, 1),
            });
            return await db.SaveChangesAsync();
        });
        var month = Given.Today.AddMonths(-1).ToString("yyyy-MM");
        var clerk = await SignInAsync("clerk01");
        var pages = new (string url, string[] keys)[]
        {
            ($"/Persons/Details?id={person}", ["id"]),
            ($"/Women/Details?id={woman}", ["id"]),
            ($"/Subsidies/Details?id={beneficiary}", ["id"]),
            ($"/Monthly/Report?township={Given.Longmen}&month={month}", ["township", "month"]),
        };
        var checkedForms = 0;
        foreach (var (url, keys) in pages)
        {
            var doc = await Forms.GetHtmlAsync(clerk, url);
            foreach (var form in doc.QuerySelectorAll("form[method=post]"))
            {
                var action = form.GetAttribute("action") ?? "";
                if (action != "" && !action.StartsWith(url.Split('?')[0] + "?")) continue;   // posts to another page (logout)
                foreach (var key in keys)
                    Assert.True(action.Contains(key + "=") || form.QuerySelector($"input[type=hidden][name={key}]") is not null,
                        $"{url}: form posting to “{action}” does not carry {key}");
                checkedForms++;
            }
        }
        Assert.True(checkedForms >= 5, $"only {checkedForms} forms checked");
    }
}
