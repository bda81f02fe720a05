using FamilyPlanning.Core.Monthly;
using FamilyPlanning.Core.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPlanning.Core.Data.Configurations;

public class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.SubmittedSnapshot).HasColumnType("jsonb");
        b.Property(x => x.ApprovedSnapshot).HasColumnType("jsonb");
        b.Property(x => x.WarningComments).HasColumnType("jsonb");
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.IsLocked);
        b.HasOne<Township>().WithMany().HasForeignKey(x => x.TownshipCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TownshipCode, x.Month }).IsUnique();
    }
}

public class MonthlyReportStepConfiguration : IEntityTypeConfiguration<MonthlyReportStep>
{
    public void Configure(EntityTypeBuilder<MonthlyReportStep> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.UserName).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(MonthlyReport.ReasonMaxLength);
    }
}
