using FamilyPlanning.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>A disabled account cannot sign in (and its cookies die with the security stamp that disabling changes).</summary>
public sealed class FpSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
