using System.Security.Claims;
using FamilyPlanning.Core.Security;

namespace FamilyPlanning.Core.Tests.Security;

public class UserScopeTests
{
    private sealed record Row(string TownshipCode, int N);

    private static readonly Row[] Rows = [new("371426001000", 1), new("371426002000", 2), new("371426001000", 3)];

    private static UserScope Scope(string role, string? township = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "u1"), new(ClaimTypes.Name, "u"), new(ClaimTypes.Role, role) };
        if (township is not null) claims.Add(new Claim(FpClaims.TownshipCode, township));
        return UserScope.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    [Fact]
    public void Clerk_ReadsAndWritesOnlyOwnTownship()
    {
        var clerk = Scope(Roles.TownshipClerk, "371426001000");
        Assert.Equal([1, 3], clerk.Readable(Rows.AsQueryable(), r => r.TownshipCode).Select(r => r.N));
        Assert.True(clerk.CanRead("371426001000"));
        Assert.False(clerk.CanRead("371426002000"));
        Assert.True(clerk.CanWrite("371426001000"));
        Assert.False(clerk.CanWrite("371426002000"));
    }

    [Fact]
    public void ClerkWithoutTownship_ReadsNothing()
    {
        var clerk = Scope(Roles.TownshipClerk);
        Assert.Empty(clerk.Readable(Rows.AsQueryable(), r => r.TownshipCode));
        Assert.False(clerk.CanWrite("371426001000"));
    }

    [Theory]
    [InlineData(Roles.CountyStaff)]
    [InlineData(Roles.Official)]
    public void CountyReaders_ReadEverythingButWriteNoRegister(string role)
    {
        var scope = Scope(role);
        Assert.Equal(3, scope.Readable(Rows.AsQueryable(), r => r.TownshipCode).Count());
        Assert.False(scope.CanWrite("371426001000"));
    }

    [Fact]
    public void AdminAndAnonymous_ReadNoTownshipData()
    {
        Assert.Empty(Scope(Roles.Admin).Readable(Rows.AsQueryable(), r => r.TownshipCode));
        var anonymous = UserScope.From(new ClaimsPrincipal(new ClaimsIdentity()));
        Assert.Same(UserScope.Nobody, anonymous);
        Assert.Empty(anonymous.Readable(Rows.AsQueryable(), r => r.TownshipCode));
    }
}
