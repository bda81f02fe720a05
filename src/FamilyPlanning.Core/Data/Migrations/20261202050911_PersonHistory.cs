using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "person_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    village_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    household_id = table.Column<long>(type: "bigint", nullable: false),
                    residence = table.Column<int>(type: "integer", nullable: false),
                    marital_status = table.Column<int>(type: "integer", nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    counts_as_death = table.Column<bool>(type: "boolean", nullable: false),
                    place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_events_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_person_events_person_id",
                table: "person_events",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_events_township_code_date",
                table: "person_events",
                columns: new[] { "township_code", "date" });

            // Indicators read person_events: committed changes bump register_version like the other registers.
            migrationBuilder.Sql("""
                CREATE CONSTRAINT TRIGGER person_events_version AFTER INSERT OR UPDATE OR DELETE ON person_events
                  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_register_version();
                CREATE TRIGGER person_events_version_truncate AFTER TRUNCATE ON person_events FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
                """);
            // Every existing person gets the history its row implies (the same statement bulk loads run).
            migrationBuilder.Sql(FamilyPlanning.Core.People.PersonHistorySql.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_events");
        }
    }
}
