using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyPlanning.Web.Infrastructure;

public sealed record SearchBar(string Placeholder, string? Query, string? Village, List<SelectListItem> Villages, IHtmlContent? Extra = null);
