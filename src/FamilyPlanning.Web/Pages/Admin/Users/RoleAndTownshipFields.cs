using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Web.Pages.Admin.Users;

/// <summary>The role and township pickers shared by the create and edit forms.</summary>
public sealed record RoleAndTownshipFields(string Prefix, string? Role, string? TownshipCode,
    IReadOnlyList<TownshipRow> Townships, string? RoleError, string? TownshipError);
