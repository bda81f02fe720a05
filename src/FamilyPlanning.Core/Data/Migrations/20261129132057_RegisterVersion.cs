using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// register_version: one row whose number goes up in every transaction that commits a change to a table the indicators
    /// read (see IndicatorCache). The row triggers are deferred to commit and bump once per transaction, so the row lock is
    /// held only while committing; TRUNCATE, which fires no row triggers, bumps at once.
    /// </summary>
    public partial class RegisterVersion : Migration
    {
        private static readonly string[] Tables = ["households", "persons", "women", "births", "contraceptive_events", "beneficiaries", "payment_runs", "payment_lines", "monthly_reports", "targets", "settings", "townships", "counties"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE register_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
                INSERT INTO register_version VALUES (1, 1);
                CREATE FUNCTION bump_register_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_LEVEL = 'STATEMENT' OR coalesce(current_setting('fp.version_bumped', true), '') <> txid_current()::text THEN
                    PERFORM set_config('fp.version_bumped', txid_current()::text, true);
                    UPDATE register_version SET version = version + 1 WHERE id = 1;
                  END IF;
                  RETURN NULL;
                END $$;
                """);
            foreach (var t in Tables)
                migrationBuilder.Sql($"""
                    CREATE CONSTRAINT TRIGGER {t}_version AFTER INSERT OR UPDATE OR DELETE ON {t}
                      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_register_version();
                    CREATE TRIGGER {t}_version_truncate AFTER TRUNCATE ON {t} FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var t in Tables)
                migrationBuilder.Sql($"DROP TRIGGER {t}_version ON {t}; DROP TRIGGER {t}_version_truncate ON {t};");
            migrationBuilder.Sql("DROP FUNCTION bump_register_version(); DROP TABLE register_version;");
        }
    }
}
