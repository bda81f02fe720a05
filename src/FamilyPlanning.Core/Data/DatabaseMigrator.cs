using System.Security.Cryptography;
using System.Text;
using FamilyPlanning.Core.Indicators.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Data;

/// <summary>Applies the committed migrations as the database owner (the portal's own role may not change the schema), then
/// makes the ledger's functions and triggers those of this build: when their definition changed, they are installed again
/// and the ledger rebuilt from the registers in the same transaction.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(string ownerConnectionString, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, ownerConnectionString, audit: null);
        await using var db = new AppDbContext(options.Options);
        await db.Database.MigrateAsync(ct);
        await InstallLedgerAsync(db, ct);
    }

    private static async Task InstallLedgerAsync(AppDbContext db, CancellationToken ct)
    {
        var install = LedgerSql.Install;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(install)));
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE IF NOT EXISTS ledger_definition (id int PRIMARY KEY CHECK (id = 1), hash text NOT NULL);
            LOCK TABLE ledger_definition IN EXCLUSIVE MODE;
            """, ct);
        var current = await db.Database.SqlQueryRaw<string>("SELECT hash AS \"Value\" FROM ledger_definition").ToListAsync(ct);
        if (current.SingleOrDefault() == hash)
        {
            await tx.CommitAsync(ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync(install, ct);
        await db.Database.ExecuteSqlRawAsync("SELECT ledger_rebuild()", ct);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO ledger_definition VALUES (1, {0}) ON CONFLICT (id) DO UPDATE SET hash = excluded.hash", [hash], ct);
        await tx.CommitAsync(ct);
    }
}
