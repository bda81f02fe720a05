using System.Security.Claims;
using FamilyPlanning.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// The server's word on every sign-in cookie, on every request: the user still exists, is not disabled, and still has the
/// security stamp the cookie was issued with. Logging out, a password reset, disabling the user and a change of role or
/// township all renew the stamp, so every cookie issued before — a copy included — stops working at once. One primary-key
/// read per request; it replaces Identity's periodic stamp check, which let a copied cookie live on for its interval.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(options.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(options.SecurityStampClaimType);
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        if (id is not null && stamp is not null
            && await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.SecurityStamp == stamp && !u.IsDisabled, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
