using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class NarrativeDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "narrative_draft",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    unit = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    period_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    practices = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    problems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    plans = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    responsible_person = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    preparer = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_narrative_draft", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_narrative_draft_unit_period_code",
                table: "narrative_draft",
                columns: new[] { "unit", "period_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "narrative_draft");
        }
    }
}
