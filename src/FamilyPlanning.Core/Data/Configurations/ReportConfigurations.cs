using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPlanning.Core.Data.Configurations;

public class NarrativeDraftConfiguration : IEntityTypeConfiguration<NarrativeDraft>
{
    public void Configure(EntityTypeBuilder<NarrativeDraft> b)
    {
        b.ToTable("narrative_drafts");
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.Area).HasMaxLength(AreaCode.Length);
        b.Property(x => x.PeriodCode).HasMaxLength(16);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.Practices).HasMaxLength(NarrativeDraft.SectionMaxLength);
        b.Property(x => x.Problems).HasMaxLength(NarrativeDraft.SectionMaxLength);
        b.Property(x => x.Plans).HasMaxLength(NarrativeDraft.SectionMaxLength);
        b.Property(x => x.ResponsiblePerson).HasMaxLength(NarrativeDraft.NameMaxLength);
        b.Property(x => x.Preparer).HasMaxLength(NarrativeDraft.NameMaxLength);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.Area, x.PeriodCode }).IsUnique();
    }
}

public class ReportExportConfiguration : IEntityTypeConfiguration<ReportExport>
{
    public void Configure(EntityTypeBuilder<ReportExport> b)
    {
        b.ToTable("report_exports");
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.Area).HasMaxLength(AreaCode.Length);
        b.Property(x => x.AreaName).HasMaxLength(50);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.PeriodCode).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(120);
        b.Property(x => x.UserName).HasMaxLength(64);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Figures).HasColumnType("jsonb");
        b.HasIndex(x => new { x.Area, x.At });
    }
}

public class ImportRunConfiguration : IEntityTypeConfiguration<Imports.ImportRun>
{
    public void Configure(EntityTypeBuilder<Imports.ImportRun> b)
    {
        b.ToTable("import_runs");
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(64);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.FileName).HasMaxLength(Imports.ImportRun.FileNameMaxLength);
        b.Property(x => x.Problems).HasColumnType("jsonb");
        b.HasIndex(x => new { x.TownshipCode, x.At });
    }
}
