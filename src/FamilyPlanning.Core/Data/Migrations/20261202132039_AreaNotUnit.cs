using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AreaNotUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "unit_name",
                table: "report_exports",
                newName: "area_name");

            migrationBuilder.RenameColumn(
                name: "unit",
                table: "report_exports",
                newName: "area");

            migrationBuilder.RenameIndex(
                name: "ix_report_exports_unit_at",
                table: "report_exports",
                newName: "ix_report_exports_area_at");

            migrationBuilder.RenameColumn(
                name: "unit",
                table: "narrative_drafts",
                newName: "area");

            migrationBuilder.RenameIndex(
                name: "ix_narrative_drafts_unit_period_code",
                table: "narrative_drafts",
                newName: "ix_narrative_drafts_area_period_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "area_name",
                table: "report_exports",
                newName: "unit_name");

            migrationBuilder.RenameColumn(
                name: "area",
                table: "report_exports",
                newName: "unit");

            migrationBuilder.RenameIndex(
                name: "ix_report_exports_area_at",
                table: "report_exports",
                newName: "ix_report_exports_unit_at");

            migrationBuilder.RenameColumn(
                name: "area",
                table: "narrative_drafts",
                newName: "unit");

            migrationBuilder.RenameIndex(
                name: "ix_narrative_drafts_area_period_code",
                table: "narrative_drafts",
                newName: "ix_narrative_drafts_unit_period_code");
        }
    }
}
