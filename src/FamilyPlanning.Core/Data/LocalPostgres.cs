using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Npgsql;

namespace FamilyPlanning.Core.Data;

/// <summary>
/// A real PostgreSQL server started from the Debian binaries (/usr/lib/postgresql/&lt;v&gt;/bin), bound to 127.0.0.1 on a
/// free port. Durable mode keeps the data folder between runs; throwaway mode (tests) turns fsync off and deletes the
/// folder on <see cref="Dispose"/>. initdb refuses to run as root, so as root every server command runs as the
/// 'postgres' user through runuser.
/// </summary>
public sealed class LocalPostgres : IDisposable
{
    public const string ThrowawayPrefix = "fp-test-pg-";
    private const string Superuser = "postgres";

    private readonly string _binDir;
    private readonly bool _throwaway;
    private bool _stopped;

    public string DataDir { get; }
    public int Port { get; }
    public string Database { get; }
    /// <summary>The owner (superuser): migrations, tests' resets, the bench.</summary>
    public string ConnectionString { get; }

    /// <summary>The portal's own login, a member of <see cref="AppRole.Group"/> (created on first use, password kept in
    /// <c>&lt;DataDir&gt;.app-password</c>).</summary>
    public string AppConnectionString
    {
        get
        {
            var password = AppRole.PasswordFrom(DataDir + ".app-password");
            AppRole.EnsureLogin(ConnectionString, AppRole.Login, password);
            return AppRole.ConnectionStringFor(ConnectionString, AppRole.Login, password);
        }
    }

    private LocalPostgres(string binDir, string dataDir, int port, string database, string password, bool throwaway)
    {
        _binDir = binDir;
        _throwaway = throwaway;
        DataDir = dataDir;
        Port = port;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Password = password,
            Database = database,
        }.ConnectionString;
    }

    /// <summary>Starts (creating on first use) a server whose data outlives the process.</summary>
    public static LocalPostgres StartDurable(string dataDir, string database = "familyplanning") =>
        Start(Path.GetFullPath(dataDir), database, throwaway: false);

    /// <summary>Starts a fresh server in a temporary folder, deleted again on Dispose.</summary>
    public static LocalPostgres StartThrowaway(string database = "familyplanning_test")
    {
        CleanStaleThrowaways();
        var dir = Path.Combine(Path.GetTempPath(), $"{ThrowawayPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        return Start(dir, database, throwaway: true);
    }

    /// <summary>The default durable data folder: /var/lib/familyplanning/pgdata as root, else under XDG_DATA_HOME.</summary>
    public static string DefaultDataDir()
    {
        if (IsRoot()) return "/var/lib/familyplanning/pgdata";
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(xdg))
            xdg = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(xdg, "familyplanning", "pgdata");
    }

    /// <summary>Stops and deletes throwaway clusters left behind by test runs whose process is gone.</summary>
    public static void CleanStaleThrowaways()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), ThrowawayPrefix + "*"))
        {
            var name = Path.GetFileName(dir)[ThrowawayPrefix.Length..];
            var pidText = name.Split('-')[0];
            // Our own folders and those of test runs still alive are left alone.
            if (int.TryParse(pidText, out var pid) && (pid == Environment.ProcessId || ProcessAlive(pid))) continue;
            try
            {
                var bin = FindBinDir();
                if (File.Exists(Path.Combine(dir, "postmaster.pid")))
                    RunPg(bin, "pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"], throwOnError: false);
                Directory.Delete(dir, recursive: true);
                foreach (var file in new[] { dir + ".password", dir + ".app-password" }) File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another process may be cleaning it at the same moment; the next run tries again.
            }
        }
    }

    public static string FindBinDir()
    {
        var configured = Environment.GetEnvironmentVariable("FP_PG_BIN");
        if (!string.IsNullOrEmpty(configured)) return configured;
        const string root = "/usr/lib/postgresql";
        var best = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (dir: Path.Combine(d, "bin"), ver: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.dir, "initdb")))
                .OrderByDescending(x => x.ver)
                .Select(x => x.dir)
                .FirstOrDefault()
            : null;
        return best ?? throw new InvalidOperationException(
            "未找到 PostgreSQL 服务器程序（/usr/lib/postgresql/<版本>/bin/initdb）。请先安装：apt-get install postgresql");
    }

    private static LocalPostgres Start(string dataDir, string database, bool throwaway)
    {
        var bin = FindBinDir();
        var passwordFile = Path.Combine(Path.GetDirectoryName(dataDir)!, Path.GetFileName(dataDir) + ".password");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dataDir)!);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new EmbeddedDatabaseException(
                $"无法创建内置数据库的数据文件夹 {dataDir}：{(e is UnauthorizedAccessException ? "没有写入上级文件夹的权限" : e.Message)}。" +
                "请把 LocalPostgres:DataDir 设为当前用户可以写入的文件夹。", e);
        }
        EnsureServerUserCanReach(dataDir);
        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
            InitDb(bin, dataDir, passwordFile);
        var password = File.ReadAllText(passwordFile).Trim();

        // A server left running by a crashed process holds the folder: stop it before starting ours.
        if (File.Exists(Path.Combine(dataDir, "postmaster.pid")))
            RunPg(bin, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"], throwOnError: false);

        var port = FreePort();
        try
        {
            StartServer(bin, dataDir, port, throwaway);
        }
        catch (InvalidOperationException e)
        {
            throw new EmbeddedDatabaseException(
                $"内置数据库无法启动（数据文件夹 {dataDir}）：{Cause(e.Message, Path.Combine(dataDir, "server.log"))}。" +
                "请查看该文件夹中的 server.log；如果文件夹已损坏，可换一个数据文件夹（LocalPostgres:DataDir）重新开始。", e);
        }

        var pg = new LocalPostgres(bin, dataDir, port, database, password, throwaway);
        pg.EnsureDatabase();
        return pg;
    }

    /// <summary>
    /// As root the server runs as 'postgres', which must be able to pass through every folder above the data folder. A
    /// folder made by mktemp -d (mode 700) or anything under /root is closed to it: say which one, and how to fix it.
    /// </summary>
    private static void EnsureServerUserCanReach(string dataDir)
    {
        if (!IsRoot()) return;
        var parent = Path.GetDirectoryName(dataDir)!;
        if (Run("runuser", ["-u", Superuser, "--", "test", "-x", parent], throwOnError: false).code == 0) return;
        var ancestors = new List<string>();
        for (var dir = parent; dir is not null; dir = Path.GetDirectoryName(dir)) ancestors.Insert(0, dir);
        var blocking = ancestors.FirstOrDefault(dir => Run("runuser", ["-u", Superuser, "--", "test", "-x", dir], throwOnError: false).code != 0)
            ?? parent;
        var mode = OperatingSystem.IsWindows() ? "" : Convert.ToString((int)File.GetUnixFileMode(blocking), 8);
        throw new EmbeddedDatabaseException(
            $"内置数据库无法使用数据文件夹 {dataDir}：数据库以系统用户 postgres 运行，而 postgres 无法进入上级文件夹 {blocking}" +
            $"（权限 {mode}，只有其所有者可以进入）。请把 LocalPostgres:DataDir 设为 postgres 可以进入的文件夹" +
            $"（例如默认的 /var/lib/familyplanning/pgdata），或只给 postgres 进入该文件夹的权限：setfacl -m u:postgres:x {blocking}（setfacl 来自 acl 软件包：apt-get install acl）");
    }

    /// <summary>The line of a tool's output (or of the server log) that says what went wrong.</summary>
    private static string Cause(string output, string? logFile = null)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (logFile is not null && File.Exists(logFile))
            lines.AddRange(File.ReadLines(logFile).Select(l => l.Trim()).Where(l => l.Contains("FATAL") || l.Contains("ERROR")).TakeLast(2));
        return lines.LastOrDefault(l => l.Contains("FATAL") || l.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? lines.LastOrDefault() ?? "原因不明";
    }

    private static void InitDb(string bin, string dataDir, string passwordFile)
    {
        if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true); // a half-made folder from a failed init
        Directory.CreateDirectory(dataDir);
        File.WriteAllText(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(18)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        // initdb wants an empty folder and reads the password as the server's user: a copy in a folder of its own (mode
        // 700, owned by that user) under the temp folder, so nobody else can read it and no folder is opened wider.
        var pwDir = Directory.CreateTempSubdirectory("fp-initdb-");
        var pwCopy = Path.Combine(pwDir.FullName, "pw");
        File.Copy(passwordFile, pwCopy);
        try
        {
            if (IsRoot()) Run("chown", ["-R", "postgres:postgres", dataDir, pwDir.FullName]);
            var (code, output) = RunPg(bin, "initdb", ["-D", dataDir, "-U", Superuser, "--pwfile", pwCopy, "--auth=scram-sha-256", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-instructions"], throwOnError: false);
            if (code != 0)
                throw new EmbeddedDatabaseException(
                    $"内置数据库初始化失败（数据文件夹 {dataDir}）：{Cause(output)}。请检查磁盘空间和该文件夹的权限，" +
                    "或把 LocalPostgres:DataDir 设为另一个文件夹。");
        }
        finally
        {
            pwDir.Delete(recursive: true);
        }
    }

    private void EnsureDatabase()
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        using var conn = new NpgsqlConnection(admin.ConnectionString);
        conn.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", Database);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database}\" TEMPLATE template0 ENCODING 'UTF8'", conn);
            create.ExecuteNonQuery();
        }
    }

    private static void StartServer(string bin, string dataDir, int port, bool throwaway)
    {
        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
        if (throwaway) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        RunPg(bin, "pg_ctl", ["-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
    }

    /// <summary>Stops the server abruptly (as a crash or a network loss would), keeping its data: reliability tests.</summary>
    public void Interrupt() => RunPg(_binDir, "pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "stop"], throwOnError: false);

    /// <summary>Starts the server again on the same port after <see cref="Interrupt"/>.</summary>
    public void Resume() => StartServer(_binDir, DataDir, Port, _throwaway);

    public void Stop()
    {
        if (_stopped) return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        RunPg(_binDir, "pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "stop"], throwOnError: false);
        if (_throwaway)
        {
            try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
            try { File.Delete(DataDir + ".password"); } catch (IOException) { }
            try { File.Delete(DataDir + ".app-password"); } catch (IOException) { }
        }
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int code, string output) RunPg(string bin, string tool, string[] args, bool throwOnError = true)
    {
        var exe = Path.Combine(bin, tool);
        return IsRoot()
            ? Run("runuser", ["-u", "postgres", "--", exe, .. args], throwOnError)
            : Run(exe, args, throwOnError);
    }

    private static (int code, string output) Run(string file, string[] args, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var output = stdout.Result + stderr.Result;
        if (throwOnError && p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({p.ExitCode}): {output}");
        return (p.ExitCode, output);
    }

    private static bool ProcessAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    public static bool IsRoot() => !OperatingSystem.IsWindows() && GetEuid() == 0;
}
