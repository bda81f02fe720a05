using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "register_ids",
                startValue: 1000L,
                incrementBy: 10);

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    village_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    head_name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    hukou_type = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                    table.ForeignKey(
                        name: "fk_households_townships_township_code",
                        column: x => x.township_code,
                        principalTable: "townships",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_households_villages_village_code",
                        column: x => x.village_code,
                        principalTable: "villages",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policy_rules",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    max_children = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sex = table.Column<int>(type: "integer", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    household_id = table.Column<long>(type: "bigint", nullable: false),
                    village_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    relation = table.Column<int>(type: "integer", nullable: false),
                    marital_status = table.Column<int>(type: "integer", nullable: false),
                    residence = table.Column<int>(type: "integer", nullable: false),
                    moved_in_on = table.Column<DateOnly>(type: "date", nullable: true),
                    moved_out_on = table.Column<DateOnly>(type: "date", nullable: true),
                    moved_out_to = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    died_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_persons_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_persons_townships_township_code",
                        column: x => x.township_code,
                        principalTable: "townships",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "women",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    village_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    married_on = table.Column<DateOnly>(type: "date", nullable: true),
                    boys_before = table.Column<int>(type: "integer", nullable: false),
                    girls_before = table.Column<int>(type: "integer", nullable: false),
                    exemption = table.Column<int>(type: "integer", nullable: true),
                    birth_service_certificate = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    one_child_certificate = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    one_child_certificate_on = table.Column<DateOnly>(type: "date", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_women", x => x.id);
                    table.ForeignKey(
                        name: "fk_women_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_women_townships_township_code",
                        column: x => x.township_code,
                        principalTable: "townships",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "births",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    child_id = table.Column<long>(type: "bigint", nullable: false),
                    mother_id = table.Column<long>(type: "bigint", nullable: false),
                    father_id = table.Column<long>(type: "bigint", nullable: true),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    village_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    sex = table.Column<int>(type: "integer", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parity = table.Column<int>(type: "integer", nullable: false),
                    policy_status = table.Column<int>(type: "integer", nullable: false),
                    policy_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    policy_overridden = table.Column<bool>(type: "boolean", nullable: false),
                    permit_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_births", x => x.id);
                    table.ForeignKey(
                        name: "fk_births_persons_child_id",
                        column: x => x.child_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_births_persons_father_id",
                        column: x => x.father_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_births_townships_township_code",
                        column: x => x.township_code,
                        principalTable: "townships",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_births_women_mother_id",
                        column: x => x.mother_id,
                        principalTable: "women",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contraceptive_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    woman_id = table.Column<long>(type: "bigint", nullable: false),
                    township_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    village_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    institution = table.Column<int>(type: "integer", nullable: false),
                    complication = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contraceptive_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_contraceptive_events_townships_township_code",
                        column: x => x.township_code,
                        principalTable: "townships",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contraceptive_events_women_woman_id",
                        column: x => x.woman_id,
                        principalTable: "women",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "policy_rules",
                columns: new[] { "id", "effective_from", "max_children", "note" },
                values: new object[,]
                {
                    { 1, new DateOnly(1980, 1, 1), 1, "独生子女政策（另有再生育审批的除外）" },
                    { 2, new DateOnly(2016, 1, 1), 2, "全面两孩政策" },
                    { 3, new DateOnly(2021, 5, 31), 3, "三孩政策" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_births_certificate_number",
                table: "births",
                column: "certificate_number",
                unique: true,
                filter: "certificate_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_births_child_id",
                table: "births",
                column: "child_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_births_delivery_id",
                table: "births",
                column: "delivery_id");

            migrationBuilder.CreateIndex(
                name: "ix_births_father_id",
                table: "births",
                column: "father_id");

            migrationBuilder.CreateIndex(
                name: "ix_births_mother_id_birth_date",
                table: "births",
                columns: new[] { "mother_id", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_births_township_code_birth_date",
                table: "births",
                columns: new[] { "township_code", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_contraceptive_events_township_code_date_type",
                table: "contraceptive_events",
                columns: new[] { "township_code", "date", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_contraceptive_events_woman_id_date",
                table: "contraceptive_events",
                columns: new[] { "woman_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_households_township_code_number",
                table: "households",
                columns: new[] { "township_code", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_households_village_code",
                table: "households",
                column: "village_code");

            migrationBuilder.CreateIndex(
                name: "ix_persons_household_id",
                table: "persons",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_persons_id_number",
                table: "persons",
                column: "id_number",
                unique: true,
                filter: "id_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_persons_township_code_name",
                table: "persons",
                columns: new[] { "township_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_township_code_sex_birth_date",
                table: "persons",
                columns: new[] { "township_code", "sex", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_policy_rules_effective_from",
                table: "policy_rules",
                column: "effective_from",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_women_person_id",
                table: "women",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_women_township_code",
                table: "women",
                column: "township_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "births");

            migrationBuilder.DropTable(
                name: "contraceptive_events");

            migrationBuilder.DropTable(
                name: "policy_rules");

            migrationBuilder.DropTable(
                name: "women");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropSequence(
                name: "register_ids");
        }
    }
}
