using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Web.Infrastructure;

namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>
/// Lets a test call the portal's services directly as a given user (a township's clerk) for the duration of a call
/// (<see cref="As"/>); otherwise the request's user, as in the portal. Registered by <see cref="PortalFactory"/>.
/// </summary>
public sealed class ActingUser(HttpCurrentUser request) : ICurrentUser
{
    private static readonly AsyncLocal<UserScope?> Current = new();

    public UserScope Scope => Current.Value ?? request.Scope;

    public static IDisposable As(UserScope scope)
    {
        Current.Value = scope;
        return new Reset();
    }

    public static UserScope ClerkOf(string township) =>
        new("test-clerk-" + township, "测试统计员", new HashSet<string> { Roles.TownshipClerk }, township);

    private sealed class Reset : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
