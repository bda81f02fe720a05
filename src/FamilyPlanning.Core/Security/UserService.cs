using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Security;

/// <summary>User administration: create, change role and township, disable, reset password. Admin only.</summary>
public sealed class UserService(AppDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider clock)
{
    public async Task<List<UserRow>> ListAsync(CancellationToken ct)
    {
        RequireAdmin();
        var now = clock.GetUtcNow();
        return await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId into urs
            from ur in urs.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into rs
            from r in rs.DefaultIfEmpty()
            orderby u.UserName
            select new UserRow(u.Id, u.UserName!, u.DisplayName, r != null ? r.Name! : "",
                u.Township!.Name, u.IsDisabled, u.LockoutEnd != null && u.LockoutEnd > now)
        ).ToListAsync(ct);
    }

    public async Task<(AppUser user, string role)> GetAsync(string id, CancellationToken ct)
    {
        RequireAdmin();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundOrForbidden("用户");
        var role = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where ur.UserId == id
                          select r.Name).FirstOrDefaultAsync(ct);
        return (user, role ?? "");
    }

    public async Task<string> CreateAsync(NewUser input, CancellationToken ct)
    {
        RequireAdmin();
        await CheckRoleAndTownship(input.Role, input.TownshipCode, ct);
        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            TownshipCode = input.Role == Roles.TownshipClerk ? input.TownshipCode : null,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, input.Password), nameof(NewUser.UserName));
        Check(await users.AddToRoleAsync(user, input.Role), nameof(NewUser.Role));
        await tx.CommitAsync(ct);
        return user.Id;
    }

    public async Task UpdateAsync(string id, UserChange input, CancellationToken ct)
    {
        var (user, oldRole) = await GetAsync(id, ct);
        await CheckRoleAndTownship(input.Role, input.TownshipCode, ct);
        if (user.Id == current.Scope.UserId && input.Role != Roles.Admin)
            throw new RuleViolation(nameof(UserChange.Role), "不能取消自己的系统管理员角色");
        var newTownship = input.Role == Roles.TownshipClerk ? input.TownshipCode : null;
        var scopeChanged = oldRole != input.Role || user.TownshipCode != newTownship;
        user.DisplayName = input.DisplayName.Trim();
        user.TownshipCode = newTownship;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (oldRole != input.Role)
        {
            if (oldRole != "") Check(await users.RemoveFromRoleAsync(user, oldRole), nameof(UserChange.Role));
            Check(await users.AddToRoleAsync(user, input.Role), nameof(UserChange.Role));
        }
        // A new role or township must not ride on an old cookie: changing the stamp signs the user out everywhere.
        if (scopeChanged) Check(await users.UpdateSecurityStampAsync(user), null);
        else Check(await users.UpdateAsync(user), null);
        await tx.CommitAsync(ct);
    }

    public async Task SetDisabledAsync(string id, bool disabled, CancellationToken ct)
    {
        var (user, _) = await GetAsync(id, ct);
        if (disabled && user.Id == current.Scope.UserId) throw new RuleViolation(null, "不能停用自己的账号");
        user.IsDisabled = disabled;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        if (!disabled) user.AccessFailedCount = 0;
        Check(await users.UpdateSecurityStampAsync(user), null);
    }

    public async Task ResetPasswordAsync(string id, string newPassword, CancellationToken ct)
    {
        var (user, _) = await GetAsync(id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword), "NewPassword");
        if (!user.IsDisabled)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateAsync(user), null);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>For the create-admin command verb: makes the first administrator without a signed-in admin.</summary>
    public async Task<string> CreateAdminAsync(string userName, string displayName, string password, CancellationToken ct)
    {
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password), "UserName");
        Check(await users.AddToRoleAsync(user, Roles.Admin), "Role");
        await tx.CommitAsync(ct);
        return user.Id;
    }

    private async Task CheckRoleAndTownship(string role, string? townshipCode, CancellationToken ct)
    {
        if (!Roles.All.Contains(role)) throw new RuleViolation(nameof(NewUser.Role), "请选择有效的角色");
        if (role != Roles.TownshipClerk) return;
        if (string.IsNullOrWhiteSpace(townshipCode))
            throw new RuleViolation(nameof(NewUser.TownshipCode), "乡镇统计员必须选择所属乡镇");
        var township = await db.Townships.AsNoTracking().FirstOrDefaultAsync(t => t.Code == townshipCode, ct);
        if (township is null) throw new RuleViolation(nameof(NewUser.TownshipCode), "所选乡镇不存在");
        if (township.AbolishedOn is not null)
            throw new RuleViolation(nameof(NewUser.TownshipCode), $"{township.Name}已撤销，不能再分配统计员");
    }

    private void RequireAdmin()
    {
        if (!current.Scope.Roles.Contains(Roles.Admin)) throw new NotFoundOrForbidden("用户");
    }

    private static void Check(IdentityResult result, string? field)
    {
        if (!result.Succeeded) throw new RuleViolation(field, string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
