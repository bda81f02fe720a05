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

    /// <summary>A folder made like mktemp -d: mode 700, so only its owner may enter it.</summary>
    private static string ClosedFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"{LocalPostgres.ThrowawayPrefix}{Environment.ProcessId}-closed-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return root;
    }

    [Fact]
    public void StartDurable_UnderAFolderOnlyItsOwnerMayEnter_WorksOrSaysWhichFolderAndWhatToDo()
    {
        var root = ClosedFolder();
        var dataDir = Path.Combine(root, "pgdata");
        try
        {
            if (!LocalPostgres.IsRoot())
            {
                // Not root: the server runs as this user, who owns the folder.
                using var pg = LocalPostgres.StartDurable(dataDir, "closed_check");
                Exec(pg.ConnectionString, "SELECT 1");
                return;
            }
            var refused = Assert.Throws<EmbeddedDatabaseException>(() => LocalPostgres.StartDurable(dataDir, "closed_check"));
            Assert.Contains($"内置数据库无法使用数据文件夹 {dataDir}", refused.Message);
            Assert.Contains($"postgres 无法进入上级文件夹 {root}（权限 700", refused.Message);
            Assert.Contains($"setfacl -m u:postgres:x {root}", refused.Message);
            Assert.False(Directory.Exists(dataDir), "nothing is half-made");
            Assert.False(File.Exists(dataDir + ".password"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Portal_WithDataFolderPostgresCannotReach_PrintsOneChineseMessageAndExitsNonZero()
    {
        var root = ClosedFolder();
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FamilyPlanning.Web.dll"));
            psi.ArgumentList.Add("migrate");
            psi.Environment["LocalPostgres__DataDir"] = Path.Combine(root, "pgdata");
            psi.Environment["ConnectionStrings__Default"] = "";
            using var process = System.Diagnostics.Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout + await stderr;

            if (!LocalPostgres.IsRoot())
            {
                Assert.True(process.ExitCode == 0, output);
                return;
            }
            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("内置数据库无法使用数据文件夹", await stderr);
            Assert.DoesNotContain("Unhandled exception", output);
            Assert.DoesNotContain("   at ", output);
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

public class PortalResetTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    [Trait("Category", "DateIndependent")]
    public async Task Reset_RecoversWhenASessionKeepsTheFoldLock()
    {
        await using var holder = await Portal.OpenAsync();
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({FamilyPlanning.Core.Indicators.Ledger.LedgerSql.FoldLock})", holder))
            await take.ExecuteNonQueryAsync();
        await Portal.ResetAsync();
        await using var after = new Npgsql.NpgsqlCommand("SELECT 1", holder);
        await Assert.ThrowsAnyAsync<Exception>(() => after.ExecuteScalarAsync());
    }
}
