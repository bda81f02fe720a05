using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPlanning.Core.Data.Configurations;

public class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.PlannedBirthRateTarget).HasPrecision(5, 2);
        b.Property(x => x.SexRatioCeiling).HasPrecision(5, 1);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.ProcedureTask);
        b.HasOne<Township>().WithMany().HasForeignKey(x => x.TownshipCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.TownshipCode, x.Year }).IsUnique();
    }
}

public class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> b)
    {
        b.ToTable("settings", t => t.HasCheckConstraint("ck_settings_single_row", "id = 1"));
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsRowVersion();
        b.HasData(new PortalSettings { Id = 1, YearStartMonth = 1, ReportDeadlineDay = 5, ExcludeExemptFromPrevalence = true });
    }
}
