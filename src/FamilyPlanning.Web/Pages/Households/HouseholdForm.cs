using FamilyPlanning.Core.People;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyPlanning.Web.Pages.Households;

public sealed record HouseholdForm(HouseholdInput Input, List<SelectListItem> Villages);
