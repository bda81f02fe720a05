using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>A register list's search form: the text box, the village select and the list's own filters, as data that the
/// _SearchBar partial renders (no page builds HTML).</summary>
public sealed record SearchBar(string Placeholder, string? Query, string? Village, List<SelectListItem> Villages,
    IReadOnlyList<SearchFilter>? Filters = null);

/// <summary>One more field of a search form, named as the query string names it.</summary>
public abstract record SearchFilter(string Name, string Label);

/// <summary>A choice among coded values, with 全部 first.</summary>
public sealed record SelectFilter(string Name, string Label, List<SelectListItem> Options, string? Selected) : SearchFilter(Name, Label);

public sealed record DateFilter(string Name, string Label, DateOnly? Value) : SearchFilter(Name, Label);

public sealed record CheckFilter(string Name, string Label, bool Checked) : SearchFilter(Name, Label);
