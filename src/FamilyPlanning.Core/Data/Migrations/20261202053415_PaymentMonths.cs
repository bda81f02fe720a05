using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyPlanning.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaymentMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal[]>(
                name: "month_amounts",
                table: "payment_lines",
                type: "numeric(12,2)[]",
                nullable: false,
                defaultValue: new decimal[0]);

            migrationBuilder.AddColumn<DateOnly[]>(
                name: "paid_months",
                table: "payment_lines",
                type: "date[]",
                nullable: false,
                defaultValue: new DateOnly[0]);

            // Existing lines: the months and amounts their detail already spells out month by month
            // (「2026-01至2026-06 6个月×80.00元；2026-07 1个月×100.00元」).
            migrationBuilder.Sql("""
                UPDATE payment_lines l SET paid_months = x.months, month_amounts = x.amounts
                FROM (SELECT l.id, array_agg(m::date ORDER BY m) AS months, array_agg(r[3]::numeric ORDER BY m) AS amounts
                      FROM payment_lines l
                      CROSS JOIN LATERAL regexp_matches(l.detail, '(\d{4}-\d{2})(?:至(\d{4}-\d{2}))? \d+个月×([0-9.]+)元', 'g') AS r
                      CROSS JOIN LATERAL generate_series(to_date(r[1], 'YYYY-MM'), to_date(coalesce(r[2], r[1]), 'YYYY-MM'), interval '1 month') AS m
                      GROUP BY l.id) x
                WHERE l.id = x.id
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "month_amounts",
                table: "payment_lines");

            migrationBuilder.DropColumn(
                name: "paid_months",
                table: "payment_lines");
        }
    }
}
