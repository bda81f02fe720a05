using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Security.Claims;

namespace FamilyPlanning.Core.Security;

/// <summary>
/// Which townships a signed-in user may read and write. Every service query over township data goes through
/// <see cref="Readable{T}"/>; every write checks <see cref="CanWrite"/>. Deny by default: a user with no role reads nothing.
/// </summary>
public sealed record UserScope(string UserId, string UserName, IReadOnlySet<string> Roles, string? TownshipCode)
{
    public static readonly UserScope Nobody = new("", "", new HashSet<string>(), null);

    /// <summary>The scope used by command verbs (migrate, seed-demo) that run without a person behind them.</summary>
    public static readonly UserScope System = new("system", "system", new HashSet<string> { Security.Roles.Admin }, null);

    public static UserScope From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return Nobody;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new UserScope(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            principal.Identity.Name ?? "",
            roles,
            principal.FindFirstValue(FpClaims.TownshipCode));
    }

    public bool IsClerk => Roles.Contains(Security.Roles.TownshipClerk);

    /// <summary>County-wide readers: county staff and officials.</summary>
    public bool ReadsWholeCounty => Roles.Contains(Security.Roles.CountyStaff) || Roles.Contains(Security.Roles.Official);

    public bool CanRead(string townshipCode) =>
        ReadsWholeCounty || (IsClerk && TownshipCode is not null && TownshipCode == townshipCode);

    /// <summary>Registers are written only by the clerk of the township.</summary>
    public bool CanWrite(string townshipCode) => IsClerk && TownshipCode is not null && TownshipCode == townshipCode;

    /// <summary>Restricts a query to the rows this user may read, by the township code the selector picks.</summary>
    public IQueryable<T> Readable<T>(IQueryable<T> query, Expression<Func<T, string>> townshipCode)
    {
        if (ReadsWholeCounty) return query;
        if (!IsClerk || TownshipCode is null) return query.Where(_ => false);
        // A field of a captured object, so EF sends the code as a SQL parameter rather than a literal.
        var own = new StrongBox<string>(TownshipCode);
        var param = townshipCode.Parameters[0];
        var body = Expression.Equal(townshipCode.Body, Expression.Field(Expression.Constant(own), nameof(own.Value)));
        return query.Where(Expression.Lambda<Func<T, bool>>(body, param));
    }
}
