using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>Drop-down choices with their Chinese names.</summary>
public static class Choices
{
    private static List<SelectListItem> Of<T>(Func<T, string> name, IEnumerable<T>? values = null) where T : struct, Enum =>
        (values ?? Enum.GetValues<T>()).Select(v => new SelectListItem(name(v), v.ToString())).ToList();

    public static List<SelectListItem> Sexes => Of<Sex>(SexNames.Of);
    public static List<SelectListItem> Hukou => Of<HukouType>(PersonNames.Of);
    public static List<SelectListItem> Marital => Of<MaritalStatus>(PersonNames.Of);
    public static List<SelectListItem> Residences => Of<Residence>(PersonNames.Of);
    public static List<SelectListItem> Relations => Of<Relation>(PersonNames.Of);
    public static List<SelectListItem> Exemptions => Of<Exemption>(PersonNames.Of);
    public static List<SelectListItem> Policy => Of<PolicyStatus>(PolicyNames.Of);
    public static List<SelectListItem> Institutions => Of<Institution>(Methods.Of);
    public static List<SelectListItem> ContraceptiveTypes => Of<ContraceptiveType>(Methods.Of);
    public static List<SelectListItem> Programmes => Of<Programme>(SubsidyNames.Of);
    public static List<SelectListItem> Categories => Of<SubsidyCategory>(SubsidyNames.Of);
    public static List<SelectListItem> BeneficiaryStatuses => Of<BeneficiaryStatus>(SubsidyNames.Of);
    public static List<SelectListItem> ExitReasons => Of<ExitReason>(SubsidyNames.Of);
}
