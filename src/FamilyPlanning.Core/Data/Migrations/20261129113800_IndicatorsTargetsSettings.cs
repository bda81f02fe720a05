using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorsTargetsSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    year_start_month = table.Column<int>(type: "integer", nullable: false),
                    report_deadline_day = table.Column<int>(type: "integer", nullable: false),
                    exclude_exempt_from_prevalence = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.id);
                    table.CheckConstraint("ck_settings_single_row", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    birth_target = table.Column<int>(type: "integer", nullable: true),
                    planned_birth_rate_target = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    sex_ratio_ceiling = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    sterilisation_task = table.Column<int>(type: "integer", nullable: true),
                    iud_task = table.Column<int>(type: "integer", nullable: true),
                    abortion_task = table.Column<int>(type: "integer", nullable: true),
                    induced_labour_task = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_targets_townships_township_code",
                        column: x => x.township_code,
                        principalTable: "townships",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "settings",
                columns: new[] { "id", "exclude_exempt_from_prevalence", "report_deadline_day", "year_start_month" },
                values: new object[] { 1, true, 5, 1 });

            migrationBuilder.CreateIndex(
                name: "ix_targets_township_code_year",
                table: "targets",
                columns: new[] { "township_code", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "targets");
        }
    }
}
