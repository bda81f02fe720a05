using FamilyPlanning.Core.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPlanning.Core.Data.Configurations;

public class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(County.NameMaxLength);
    }
}

public class TownshipConfiguration : IEntityTypeConfiguration<Township>
{
    public void Configure(EntityTypeBuilder<Township> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.CountyCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.SuccessorCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(Township.NameMaxLength);
        b.HasOne(x => x.County).WithMany(c => c.Townships).HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CountyCode, x.Name });
    }
}

public class VillageConfiguration : IEntityTypeConfiguration<Village>
{
    public void Configure(EntityTypeBuilder<Village> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(Village.NameMaxLength);
        b.HasOne(x => x.Township).WithMany(t => t.Villages).HasForeignKey(x => x.TownshipCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TownshipCode);
    }
}
