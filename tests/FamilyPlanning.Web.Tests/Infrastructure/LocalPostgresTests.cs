using FamilyPlanning.Core.Data;
using Npgsql;

namespace FamilyPlanning.Web.Tests.Infrastructure;

public class LocalPostgresTests
{
    [Fact]
    public void StartDurable_Twice_KeepsDataAndStopsCleanly()
    {
        var root = Path.Combine(Path.GetTempPath(), $"{LocalPostgres.ThrowawayPrefix}{Environment.ProcessId}-durable-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(root);
        var dataDir = Path.Combine(root, "pgdata");
        try
        {
            using (var first = LocalPostgres.StartDurable(dataDir, "durable_check"))
                Exec(first.ConnectionString, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('留下')");

            using var second = LocalPostgres.StartDurable(dataDir, "durable_check");
            using var conn = new NpgsqlConnection(second.ConnectionString);
            conn.Open();
            using var cmd = new NpgsqlCommand("SELECT v FROM kept", conn);
            Assert.Equal("留下", cmd.ExecuteScalar());
            Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(second.ConnectionString).Host);
            conn.Close();
            second.Stop();
            Assert.False(File.Exists(Path.Combine(dataDir, "postmaster.pid")), "the server should be stopped");
            Assert.True(File.Exists(Path.Combine(dataDir, "PG_VERSION")), "a durable folder is kept");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Exec(string connectionString, string sql)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
