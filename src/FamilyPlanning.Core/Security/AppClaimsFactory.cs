using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyPlanning.Core.Security;

/// <summary>Puts the clerk's township and the display name into the sign-in cookie, so <see cref="UserScope"/> needs no query.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FpClaims.DisplayName, user.DisplayName));
        if (user.TownshipCode is not null) identity.AddClaim(new Claim(FpClaims.TownshipCode, user.TownshipCode));
        return identity;
    }
}
