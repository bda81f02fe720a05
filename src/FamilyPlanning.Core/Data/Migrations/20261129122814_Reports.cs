using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "narrative_drafts",
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
                    table.PrimaryKey("pk_narrative_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_exports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    unit = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    period_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_exports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_narrative_drafts_unit_period_code",
                table: "narrative_drafts",
                columns: new[] { "unit", "period_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_exports_unit_at",
                table: "report_exports",
                columns: new[] { "unit", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "narrative_drafts");

            migrationBuilder.DropTable(
                name: "report_exports");
        }
    }
}
