using FamilyPlanning.Core.Indicators.Ledger;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// The indicator ledger's tables (LedgerSql); DatabaseMigrator then installs its functions and register triggers and
    /// builds it from the registers already there. It replaces register_version, whose single row every writing transaction updated (writers queued on it) and
    /// which only served the report cache the ledger makes unnecessary.
    /// </summary>
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION bump_register_version() CASCADE; DROP TABLE register_version;");
            migrationBuilder.Sql(LedgerSql.Tables);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE ledger_definition, ledger_entries, ledger_deltas, ledger_days, ledger_months, ledger_pending, ledger_flush_marker;
                DROP FUNCTION ledger_person_entries, ledger_beneficiary_entries, ledger_payment_entries, ledger_refresh, ledger_note,
                  ledger_flush, ledger_fold, ledger_rebuild CASCADE;
                """);
        }
    }
}
