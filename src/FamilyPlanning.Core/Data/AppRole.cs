using System.Security.Cryptography;
using Npgsql;

namespace FamilyPlanning.Core.Data;

/// <summary>
/// The database role the portal runs as. Migrations (and only they) run as the owner; the web process logs in as a member
/// of <see cref="Group"/>, which may read and write the registers but only INSERT and SELECT the audit log (granted by the
/// AppRolePrivileges migration), so not even a bug in the app can rewrite history.
/// </summary>
public static class AppRole
{
    /// <summary>The privilege group (NOLOGIN) that migrations grant to.</summary>
    public const string Group = "fp_app";

    /// <summary>The login the embedded server's web process uses.</summary>
    public const string Login = "fp_web";

    /// <summary>Creates the group if missing and the login (or sets its password), as the owner.</summary>
    public static void EnsureLogin(string ownerConnectionString, string login, string password)
    {
        using var conn = new NpgsqlConnection(ownerConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand($"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Group}') THEN CREATE ROLE {Group} NOLOGIN; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{login}') THEN CREATE ROLE {login} LOGIN; END IF;
            END $$;
            ALTER ROLE {login} LOGIN PASSWORD '{password}';
            GRANT {Group} TO {login};
            """, conn);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The owner's connection string with the login's name and password instead.</summary>
    public static string ConnectionStringFor(string ownerConnectionString, string login, string password) =>
        new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = login, Password = password }.ConnectionString;

    /// <summary>The login's password kept beside the data folder (mode 600), made on first use.</summary>
    public static string PasswordFrom(string file)
    {
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(18)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return File.ReadAllText(file).Trim();
    }
}
