using FamilyPlanning.Core.Data;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// Chooses the database: the configured ConnectionStrings:Default, or else the embedded LocalPostgres (durable data in
/// LocalPostgres:DataDir, default <see cref="LocalPostgres.DefaultDataDir"/>), which is stopped when the host stops.
/// </summary>
public static class Database
{
    public static string ConnectionString(IConfiguration config, ILogger log, out LocalPostgres? embedded)
    {
        embedded = null;
        var configured = config.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var dataDir = config["LocalPostgres:DataDir"];
        if (string.IsNullOrWhiteSpace(dataDir)) dataDir = LocalPostgres.DefaultDataDir();
        embedded = LocalPostgres.StartDurable(dataDir);
        log.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port}, data in {DataDir}", embedded.Port, embedded.DataDir);
        return embedded.ConnectionString;
    }
}
