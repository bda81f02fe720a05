using FamilyPlanning.Core.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPlanning.Core.Data;

public static class SaveChanges
{
    /// <summary>
    /// Saves once (one transaction) and turns the database's refusals into messages for the user: a stale xmin into a
    /// concurrency conflict, a unique index into the field it guards.
    /// </summary>
    public static async Task SaveOrExplainAsync(this AppDbContext db, CancellationToken ct,
        params (string index, string field, string message)[] uniques)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            var match = uniques.FirstOrDefault(u => u.index == pg.ConstraintName);
            throw match.index is null ? new RuleViolation(null, "记录重复，未保存") : new RuleViolation(match.field, match.message);
        }
    }

    /// <summary>Sets the version the user loaded, so saving fails if someone else saved in between.</summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, uint version) where T : class =>
        db.Entry(entity).Property("Version").OriginalValue = version;
}
