using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyPlanning.Core.Data.Configurations;

/// <summary>What every register table shares: a HiLo key (known before insert, so the audit row can name it), the
/// township and village codes every scope filter uses, and xmin as the optimistic concurrency token.</summary>
internal static class RegisterColumns
{
    public const string IdSequence = "register_ids";
    public const int IdBlockSize = 10;

    /// <summary>One HiLo sequence for every register; it starts above the ids seeded by migrations.</summary>
    public static void AddSequence(ModelBuilder builder) =>
        builder.HasSequence<long>(IdSequence).StartsAt(1000).IncrementsBy(IdBlockSize);

    public static void Apply<T>(EntityTypeBuilder<T> b) where T : class
    {
        b.Property<long>("Id").UseHiLo(IdSequence);
        b.Property<string>("TownshipCode").HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property<string>("VillageCode").HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property<uint>("Version").IsRowVersion();
        b.HasOne<Township>().WithMany().HasForeignKey("TownshipCode").OnDelete(DeleteBehavior.Restrict);
    }
}

public class PersonEventConfiguration : IEntityTypeConfiguration<PersonEvent>
{
    public void Configure(EntityTypeBuilder<PersonEvent> b)
    {
        b.ToTable("person_events");
        b.Property(x => x.Id).UseIdentityByDefaultColumn();
        b.Property(x => x.TownshipCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.VillageCode).HasMaxLength(AreaCode.Length).IsFixedLength();
        b.Property(x => x.Place).HasMaxLength(PersonEvent.PlaceMaxLength);
        b.Property(x => x.Note).HasMaxLength(PersonEvent.NoteMaxLength);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => new { x.TownshipCode, x.Date });
    }
}

public class WomanExemptionConfiguration : IEntityTypeConfiguration<WomanExemption>
{
    public void Configure(EntityTypeBuilder<WomanExemption> b)
    {
        b.ToTable("woman_exemptions");
        b.Property(x => x.Id).UseIdentityByDefaultColumn();
        b.HasOne<Woman>().WithMany().HasForeignKey(x => x.WomanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.WomanId);
    }
}

public class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        RegisterColumns.Apply(b);
        b.Property(x => x.Number).HasMaxLength(Household.NumberMaxLength);
        b.Property(x => x.Address).HasMaxLength(Household.AddressMaxLength);
        b.Property(x => x.HeadName).HasMaxLength(Household.HeadNameMaxLength);
        b.HasOne(x => x.Village).WithMany().HasForeignKey(x => x.VillageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.TownshipCode, x.Number }).IsUnique();
        b.HasIndex(x => x.VillageCode);
    }
}

public class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        RegisterColumns.Apply(b);
        b.ToTable("persons");
        b.Property(x => x.Name).HasMaxLength(Person.NameMaxLength);
        b.Property(x => x.IdNumber).HasMaxLength(IdNumber.Length);
        b.Property(x => x.MovedOutTo).HasMaxLength(100);
        b.HasOne(x => x.Household).WithMany(h => h.Members).HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.IdNumber).IsUnique().HasFilter("id_number IS NOT NULL");
        b.HasIndex(x => new { x.TownshipCode, x.Name });
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => new { x.TownshipCode, x.Sex, x.BirthDate });
    }
}

public class WomanConfiguration : IEntityTypeConfiguration<Woman>
{
    public void Configure(EntityTypeBuilder<Woman> b)
    {
        RegisterColumns.Apply(b);
        b.ToTable("women");
        b.Property(x => x.BirthServiceCertificate).HasMaxLength(Woman.CertificateMaxLength);
        b.Property(x => x.OneChildCertificate).HasMaxLength(Woman.CertificateMaxLength);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId).IsUnique();
        b.HasIndex(x => x.TownshipCode);
    }
}

public class BirthConfiguration : IEntityTypeConfiguration<Birth>
{
    public void Configure(EntityTypeBuilder<Birth> b)
    {
        RegisterColumns.Apply(b);
        b.Property(x => x.Place).HasMaxLength(Birth.PlaceMaxLength);
        b.Property(x => x.CertificateNumber).HasMaxLength(Birth.CertificateMaxLength);
        b.Property(x => x.PolicyReason).HasMaxLength(Birth.ReasonMaxLength);
        b.Property(x => x.PermitNumber).HasMaxLength(Birth.CertificateMaxLength);
        b.Property(x => x.FatherIdNumber).HasMaxLength(18);
        b.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Mother).WithMany().HasForeignKey(x => x.MotherId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Father).WithMany().HasForeignKey(x => x.FatherId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ChildId).IsUnique();
        b.HasIndex(x => new { x.MotherId, x.BirthDate });
        b.HasIndex(x => x.DeliveryId);
        b.HasIndex(x => new { x.TownshipCode, x.BirthDate });
        b.HasIndex(x => x.CertificateNumber).IsUnique().HasFilter("certificate_number IS NOT NULL");
    }
}

public class ContraceptiveEventConfiguration : IEntityTypeConfiguration<ContraceptiveEvent>
{
    public void Configure(EntityTypeBuilder<ContraceptiveEvent> b)
    {
        RegisterColumns.Apply(b);
        b.Property(x => x.Note).HasMaxLength(ContraceptiveEvent.NoteMaxLength);
        b.HasOne(x => x.Woman).WithMany().HasForeignKey(x => x.WomanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.WomanId, x.Date });
        b.HasIndex(x => new { x.TownshipCode, x.Date, x.Type });
    }
}

public class PolicyRuleConfiguration : IEntityTypeConfiguration<PolicyRule>
{
    public void Configure(EntityTypeBuilder<PolicyRule> b)
    {
        b.Property(x => x.Id).UseHiLo(RegisterColumns.IdSequence);
        b.Property(x => x.Note).HasMaxLength(PolicyRule.NoteMaxLength);
        b.HasIndex(x => x.EffectiveFrom).IsUnique();
        b.HasData(PolicyRule.Defaults.Select(r => new PolicyRule
        {
            Id = r.Id,
            EffectiveFrom = r.EffectiveFrom,
            MaxChildren = r.MaxChildren,
            Note = r.Note,
        }));
    }
}
