using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPlanning.Core.Data.Configurations;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.HasOne(x => x.Township).WithMany().HasForeignKey(x => x.TownshipCode).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The four roles are fixed data, seeded by migration with fixed ids.</summary>
public class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> b) =>
        b.HasData(Roles.All.Select(r => new IdentityRole
        {
            Id = Roles.IdOf(r),
            Name = r,
            NormalizedName = r.ToUpperInvariant(),
            ConcurrencyStamp = Roles.IdOf(r),
        }));
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(AppUser.UserNameMaxLength);
        b.Property(x => x.Entity).HasMaxLength(64);
        b.Property(x => x.EntityKey).HasMaxLength(128);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.Before).HasColumnType("jsonb");
        b.Property(x => x.After).HasColumnType("jsonb");
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        b.HasIndex(x => x.UserId);
    }
}
