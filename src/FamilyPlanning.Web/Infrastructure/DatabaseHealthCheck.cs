using FamilyPlanning.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FamilyPlanning.Web.Infrastructure;

public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            // A real query against a migrated table, not just an open socket.
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM counties LIMIT 1", ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
