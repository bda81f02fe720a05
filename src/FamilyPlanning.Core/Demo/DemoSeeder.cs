using System.Diagnostics;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPlanning.Core.Demo;

public sealed record DemoLogin(string UserName, string Password, string Role, string? Township);

public sealed record DemoSeedResult(bool Seeded, long Rows, int Persons, int Households, int Births, TimeSpan Generate, TimeSpan Load);

/// <summary>Seeds the demo county, one demo user per role (a clerk per township) and the demo registers. Does nothing when a
/// county exists, so running it twice is safe.</summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>Demo-only password, printed by ./run.sh. Production users are made with create-admin and the admin pages.</summary>
    public const string DemoPassword = "demo-2026-fp";

    /// <summary>Org tree and users only (what the tests start from).</summary>
    public Task<DemoSeedResult> SeedAsync(CancellationToken ct) => SeedAsync(0, ChinaTime.Today(clock), ct);

    /// <summary>Org tree, users and, for scale ≥ 1, the registers of <paramref name="scale"/> × 250 000 people up to
    /// <paramref name="reference"/>; all in one transaction.</summary>
    public async Task<DemoSeedResult> SeedAsync(int scale, DateOnly reference, CancellationToken ct)
    {
        if (await db.Counties.AnyAsync(ct)) return new DemoSeedResult(false, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var county = DemoPlaces.Build();
        db.Counties.Add(county);
        await db.SaveChangesAsync(ct);

        await AddUser("admin", "系统管理员", Roles.Admin, null);
        await AddUser("county", "县卫健局统计员", Roles.CountyStaff, null);
        await AddUser("leader", "分管副县长", Roles.Official, null);
        var i = 0;
        foreach (var t in county.Townships)
            await AddUser($"clerk{++i:D2}", t.Name + "统计员", Roles.TownshipClerk, t.Code);

        var result = new DemoSeedResult(true, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero);
        if (scale > 0)
        {
            var watch = Stopwatch.StartNew();
            var data = DemoGenerator.Generate(county, scale, reference);
            var generated = watch.Elapsed;
            await DemoLoader.LoadAsync((NpgsqlConnection)db.Database.GetDbConnection(), data, ct);
            result = new DemoSeedResult(true, data.Rows, data.Persons.Count, data.Households.Count, data.Births.Count,
                generated, watch.Elapsed - generated);
        }
        await tx.CommitAsync(ct);
        return result;
    }

    public async Task<List<DemoLogin>> LoginsAsync(CancellationToken ct) =>
        (await (from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                orderby u.UserName
                select new { u.UserName, r.Name, Township = u.Township!.Name }).ToListAsync(ct))
        .Select(x => new DemoLogin(x.UserName!, DemoPassword, x.Name!, x.Township))
        .ToList();

    private async Task AddUser(string userName, string displayName, string role, string? township)
    {
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = displayName,
            TownshipCode = township,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded) throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
    }
}
