using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using FamilyPlanning.Core.Settings;
using FamilyPlanning.Core.Subsidies;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<County> Counties => Set<County>();
    public DbSet<Township> Townships => Set<Township>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<PersonEvent> PersonEvents => Set<PersonEvent>();
    public DbSet<WomanExemption> WomanExemptions => Set<WomanExemption>();

    /// <summary>Dated facts about persons waiting for this context's next SaveChanges (<see cref="PersonHistoryInterceptor"/>).</summary>
    public PersonFacts PersonFacts { get; } = new();
    public DbSet<Woman> Women => Set<Woman>();
    public DbSet<Birth> Births => Set<Birth>();
    public DbSet<ContraceptiveEvent> ContraceptiveEvents => Set<ContraceptiveEvent>();
    public DbSet<PolicyRule> PolicyRules => Set<PolicyRule>();
    public DbSet<SubsidyRate> SubsidyRates => Set<SubsidyRate>();
    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();
    public DbSet<BeneficiaryStep> BeneficiarySteps => Set<BeneficiaryStep>();
    public DbSet<AnnualReview> AnnualReviews => Set<AnnualReview>();
    public DbSet<PaymentRun> PaymentRuns => Set<PaymentRun>();
    public DbSet<PaymentLine> PaymentLines => Set<PaymentLine>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<PortalSettings> Settings => Set<PortalSettings>();
    public DbSet<Monthly.MonthlyReport> MonthlyReports => Set<Monthly.MonthlyReport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Imports.ImportRun> ImportRuns => Set<Imports.ImportRun>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity names its tables AspNetUsers etc.; keep PostgreSQL's unquoted snake_case instead.
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        Configurations.RegisterColumns.AddSequence(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    /// <summary>The options every host uses: Npgsql, snake_case names, the audit interceptor.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, AuditInterceptor? audit)
    {
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        // Persons' histories are kept first (the month lock then sees every dated fact), the month lock runs before the audit
        // so a refused save writes no audit rows, and the audit sees the person row as saved.
        if (audit is not null) options.AddInterceptors(new PersonHistoryInterceptor(), new Monthly.MonthLockInterceptor(), audit);
    }
}
