using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// What the portal's database role (members of fp_app) may do: read and write every table and sequence of the schema,
    /// but only INSERT and SELECT the audit log. Tables made by later migrations get the same grants by default. The owner
    /// who runs migrations keeps every right; the web process must not log in as the owner (see AppRole).
    /// </summary>
    public partial class AppRolePrivileges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fp_app') THEN CREATE ROLE fp_app NOLOGIN; END IF;
                END $$;
                GRANT USAGE ON SCHEMA public TO fp_app;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fp_app;
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO fp_app;
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM fp_app;
                REVOKE UPDATE, DELETE, TRUNCATE ON __ef_migrations_history FROM fp_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fp_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO fp_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM fp_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM fp_app;
                REVOKE ALL ON ALL TABLES IN SCHEMA public FROM fp_app;
                REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM fp_app;
                REVOKE USAGE ON SCHEMA public FROM fp_app;
                """);
        }
    }
}
