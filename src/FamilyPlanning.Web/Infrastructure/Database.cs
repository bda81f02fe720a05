using FamilyPlanning.Core.Data;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// Chooses the database: the configured ConnectionStrings:Default (the portal's role) and ConnectionStrings:Owner (for
/// migrations; Default when not set), or else the embedded LocalPostgres (durable data in LocalPostgres:DataDir, default
/// <see cref="LocalPostgres.DefaultDataDir"/>), stopped when the host stops, where the portal logs in as
/// <see cref="AppRole.Login"/> and migrations run as the owner.
/// </summary>
public static class Database
{
    public sealed record Connections(string App, string Owner);

    public static Connections ConnectionStrings(IConfiguration config, ILogger log, out LocalPostgres? embedded)
    {
        embedded = null;
        var configured = config.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured))
            return new Connections(configured, config.GetConnectionString("Owner") is { Length: > 0 } owner ? owner : configured);
        var dataDir = config["LocalPostgres:DataDir"];
        if (string.IsNullOrWhiteSpace(dataDir)) dataDir = LocalPostgres.DefaultDataDir();
        embedded = LocalPostgres.StartDurable(dataDir);
        log.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port}, data in {DataDir}", embedded.Port, embedded.DataDir);
        return new Connections(embedded.AppConnectionString, embedded.ConnectionString);
    }
}
