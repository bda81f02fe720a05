using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Data;

/// <summary>Applies the committed migrations as the database owner (the portal's own role may not change the schema).</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(string ownerConnectionString, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, ownerConnectionString, audit: null);
        await using var db = new AppDbContext(options.Options);
        await db.Database.MigrateAsync(ct);
    }
}
