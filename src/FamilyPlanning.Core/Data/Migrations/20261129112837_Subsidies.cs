using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Subsidies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "disability_grade",
                table: "persons",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "beneficiaries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    child_id = table.Column<long>(type: "bigint", nullable: true),
                    programme = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    village_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    first_month = table.Column<DateOnly>(type: "date", nullable: true),
                    exited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    exit_reason = table.Column<int>(type: "integer", nullable: true),
                    declared_boys = table.Column<int>(type: "integer", nullable: false),
                    declared_girls = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beneficiaries", x => x.id);
                    table.ForeignKey(
                        name: "fk_beneficiaries_persons_child_id",
                        column: x => x.child_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_beneficiaries_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_beneficiaries_townships_township_code",
                        column: x => x.township_code,
                        principalTable: "townships",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payment_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    from_month = table.Column<DateOnly>(type: "date", nullable: false),
                    to_month = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_rates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    programme = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    monthly_amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    max_child_age = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "annual_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    beneficiary_id = table.Column<long>(type: "bigint", nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    continues = table.Column<bool>(type: "boolean", nullable: false),
                    exit_reason = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_reviews_beneficiaries_beneficiary_id",
                        column: x => x.beneficiary_id,
                        principalTable: "beneficiaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "beneficiary_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    beneficiary_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beneficiary_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_beneficiary_steps_beneficiaries_beneficiary_id",
                        column: x => x.beneficiary_id,
                        principalTable: "beneficiaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    beneficiary_id = table.Column<long>(type: "bigint", nullable: false),
                    programme = table.Column<int>(type: "integer", nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_lines_beneficiaries_beneficiary_id",
                        column: x => x.beneficiary_id,
                        principalTable: "beneficiaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payment_lines_payment_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "payment_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "subsidy_rates",
                columns: new[] { "id", "category", "effective_from", "max_child_age", "monthly_amount", "note", "programme", "region_code" },
                values: new object[,]
                {
                    { 1, 0, new DateOnly(2004, 1, 1), null, 50m, "600元/人·年", 1, null },
                    { 2, 0, new DateOnly(2009, 1, 1), null, 60m, "720元/人·年", 1, null },
                    { 3, 0, new DateOnly(2012, 1, 1), null, 80m, "960元/人·年", 1, null },
                    { 4, 1, new DateOnly(2014, 1, 1), null, 340m, "城镇 死亡", 2, null },
                    { 5, 2, new DateOnly(2014, 1, 1), null, 270m, "城镇 伤残", 2, null },
                    { 6, 3, new DateOnly(2014, 1, 1), null, 170m, "农村 死亡", 2, null },
                    { 7, 4, new DateOnly(2014, 1, 1), null, 150m, "农村 伤残", 2, null },
                    { 8, 0, new DateOnly(2002, 1, 1), 18, 10m, "10元/月，至独生子女年满18周岁", 3, null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_reviews_beneficiary_id_year",
                table: "annual_reviews",
                columns: new[] { "beneficiary_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annual_reviews_township_code_year",
                table: "annual_reviews",
                columns: new[] { "township_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_beneficiaries_child_id",
                table: "beneficiaries",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_beneficiaries_person_id_programme",
                table: "beneficiaries",
                columns: new[] { "person_id", "programme" });

            migrationBuilder.CreateIndex(
                name: "ix_beneficiaries_township_code_programme_status",
                table: "beneficiaries",
                columns: new[] { "township_code", "programme", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_beneficiary_steps_beneficiary_id",
                table: "beneficiary_steps",
                column: "beneficiary_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_lines_beneficiary_id",
                table: "payment_lines",
                column: "beneficiary_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_lines_run_id",
                table: "payment_lines",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_township_code_from_month",
                table: "payment_runs",
                columns: new[] { "township_code", "from_month" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_rates_programme_category_region_code_effective_from",
                table: "subsidy_rates",
                columns: new[] { "programme", "category", "region_code", "effective_from" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_reviews");

            migrationBuilder.DropTable(
                name: "beneficiary_steps");

            migrationBuilder.DropTable(
                name: "payment_lines");

            migrationBuilder.DropTable(
                name: "subsidy_rates");

            migrationBuilder.DropTable(
                name: "beneficiaries");

            migrationBuilder.DropTable(
                name: "payment_runs");

            migrationBuilder.DropColumn(
                name: "disability_grade",
                table: "persons");
        }
    }
}
