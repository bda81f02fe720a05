using FamilyPlanning.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Web.Api;

/// <summary>
/// The floor the dashboard is measured against in bench/run.sh: a signed-in request that does one `SELECT 1` through the same
/// DbContext, middleware and cookie authentication. Mapped only when Bench:Select1 is true (never in a normal deployment).
/// </summary>
public static class BenchApi
{
    public static void MapBenchApi(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:Select1")) return;
        app.MapGet("/bench/select1", async (AppDbContext db, CancellationToken ct) =>
            Results.Text((await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").ToListAsync(ct))[0].ToString()))
            .RequireAuthorization();
    }
}
