using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class WomanExemptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "woman_exemptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    woman_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_woman_exemptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_woman_exemptions_women_woman_id",
                        column: x => x.woman_id,
                        principalTable: "women",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_woman_exemptions_woman_id",
                table: "woman_exemptions",
                column: "woman_id");

            migrationBuilder.Sql("""
                CREATE CONSTRAINT TRIGGER woman_exemptions_version AFTER INSERT OR UPDATE OR DELETE ON woman_exemptions
                  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_register_version();
                CREATE TRIGGER woman_exemptions_version_truncate AFTER TRUNCATE ON woman_exemptions FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
                """);
            // Existing exemptions held since the record was made (the same statement bulk loads run).
            migrationBuilder.Sql(FamilyPlanning.Core.People.ExemptionHistory.BackfillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "woman_exemptions");
        }
    }
}
