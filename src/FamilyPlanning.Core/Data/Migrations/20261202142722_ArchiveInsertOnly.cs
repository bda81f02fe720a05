using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveInsertOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The archive of downloaded summaries is evidence of what was handed out: the portal adds to it, never rewrites it.
            migrationBuilder.Sql("REVOKE UPDATE, DELETE, TRUNCATE ON report_exports FROM fp_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("GRANT UPDATE, DELETE ON report_exports TO fp_app;");
        }
    }
}
