using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Subsidies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPlanning.Core.Data.Configurations;

public class SubsidyRateConfiguration : IEntityTypeConfiguration<SubsidyRate>
{
    public void Configure(EntityTypeBuilder<SubsidyRate> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.RegionCode).HasMaxLength(AreaCode.Length);
        b.Property(x => x.MonthlyAmount).HasPrecision(10, 2);
        b.Property(x => x.Note).HasMaxLength(SubsidyRate.NoteMaxLength);
        b.HasIndex(x => new { x.Programme, x.Category, x.RegionCode, x.EffectiveFrom }).IsUnique().AreNullsDistinct(false);
        b.HasData(SubsidyRate.NationalMinimums.Select(r => new SubsidyRate
        {
            Id = r.Id,
            Programme = r.Programme,
            Category = r.Category,
            EffectiveFrom = r.EffectiveFrom,
            MonthlyAmount = r.MonthlyAmount,
            MaxChildAge = r.MaxChildAge,
            Note = r.Note,
        }));
    }
}

public class BeneficiaryConfiguration : IEntityTypeConfiguration<Beneficiary>
{
    public void Configure(EntityTypeBuilder<Beneficiary> b)
    {
        RegisterColumns.Apply(b);
        b.Property(x => x.Note).HasMaxLength(Beneficiary.NoteMaxLength);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.BeneficiaryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TownshipCode, x.Programme, x.Status });
        b.HasIndex(x => new { x.PersonId, x.Programme });
    }
}

public class BeneficiaryStepConfiguration : IEntityTypeConfiguration<BeneficiaryStep>
{
    public void Configure(EntityTypeBuilder<BeneficiaryStep> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.UserName).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(Beneficiary.NoteMaxLength);
    }
}

public class AnnualReviewConfiguration : IEntityTypeConfiguration<AnnualReview>
{
    public void Configure(EntityTypeBuilder<AnnualReview> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.ReviewedBy).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(Beneficiary.NoteMaxLength);
        b.HasOne(x => x.Beneficiary).WithMany().HasForeignKey(x => x.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BeneficiaryId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.TownshipCode, x.Year });
    }
}

public class PaymentRunConfiguration : IEntityTypeConfiguration<PaymentRun>
{
    public void Configure(EntityTypeBuilder<PaymentRun> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.CreatedBy).HasMaxLength(64);
        b.Property(x => x.Version).IsRowVersion();
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TownshipCode, x.FromMonth });
    }
}

public class PaymentLineConfiguration : IEntityTypeConfiguration<PaymentLine>
{
    public void Configure(EntityTypeBuilder<PaymentLine> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.Detail).HasMaxLength(200);
        b.Property(x => x.MonthAmounts).HasColumnType("numeric(12,2)[]");
        b.HasOne(x => x.Beneficiary).WithMany().HasForeignKey(x => x.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.BeneficiaryId);
    }
}
