using FamilyPlanning.Core.Places;
using Microsoft.AspNetCore.Identity;

namespace FamilyPlanning.Core.Security;

public class AppUser : IdentityUser
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = "";

    /// <summary>The one township a TownshipClerk belongs to; null for every other role.</summary>
    public string? TownshipCode { get; set; }
    public Township? Township { get; set; }

    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
