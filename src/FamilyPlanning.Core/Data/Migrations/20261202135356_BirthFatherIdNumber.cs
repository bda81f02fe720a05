using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class BirthFatherIdNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "father_id_number",
                table: "births",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "father_id_number",
                table: "births");
        }
    }
}
