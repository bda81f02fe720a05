using System.Diagnostics;
using System.Text;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.People;
using Npgsql;

namespace FamilyPlanning.Bench;

/// <summary>
/// 100 000 rows through the import service — 60 000 户籍人口 rows (30 000 couples), 20 000 育龄妇女 and 20 000 出生登记 — into
/// one township of the seeded county, against a binary COPY of the very rows the import wrote, into the same tables.
/// </summary>
public static class ImportBench
{
    public const int Couples = 30_000;
    public const int Mothers = 20_000;

    public sealed record Files(byte[] Persons, byte[] Women, byte[] Births);

    public static Files Make(string villageCode, DateOnly today)
    {
        var persons = new StringBuilder(string.Join(",", ImportTemplates.Persons.Columns.Select(c => c.Header)) + "\n");
        var women = new StringBuilder(string.Join(",", ImportTemplates.Women.Columns.Select(c => c.Header)) + "\n");
        var births = new StringBuilder(string.Join(",", ImportTemplates.Births.Columns.Select(c => c.Header)) + "\n");
        // This month: its report is not due yet, so it is not locked.
        var birthDay = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < Couples; i++)
        {
            var hb = new DateOnly(1975, 1, 1).AddDays(i % 7000);
            var wb = new DateOnly(1980, 1, 1).AddDays(i % 5000);
            var him = IdNumber.Make("371499", hb, (i / 7000 * 2 + 1) % 1000);
            var her = IdNumber.Make("371498", wb, (i / 5000 * 2) % 1000);
            var number = $"B{i:D6}";
            persons.Append($"{number},{villageCode},测试路{i}号,户主{i},农业,户主{i},男,{hb:yyyy-MM-dd},{him},户主,初婚,户籍常住,,\n");
            persons.Append($"{number},{villageCode},测试路{i}号,户主{i},农业,妻子{i},女,{wb:yyyy-MM-dd},{her},配偶,初婚,户籍常住,,\n");
            if (i >= Mothers) continue;
            women.Append($"{her},妻子{i},2010-01-01,1,0,,,,,2011-01-01\n");
            births.Append($"{her},孩子{i},{(i % 2 == 0 ? "男" : "女")},{birthDay:yyyy-MM-dd},县医院,BQ{i:D7},,{him},,{birthDay:yyyy-MM-dd}\n");
        }
        return new Files(Encoding.UTF8.GetBytes(persons.ToString()), Encoding.UTF8.GetBytes(women.ToString()),
            Encoding.UTF8.GetBytes(births.ToString()));
    }

    /// <summary>
    /// Copies the rows the import wrote (and its audit rows) out, deletes them, and loads them back into the same tables by
    /// binary COPY in one transaction: a raw load of the same rows into the same tables, with the same indexes and
    /// triggers and the same millions of rows already there. Returns the seconds of that load.
    /// </summary>
    public static async Task<double> RawCopyAsync(NpgsqlConnection conn, long firstAuditId)
    {
        var tables = new (string table, string where)[]
        {
            ("households", "number LIKE 'B%'"),
            ("persons", "household_id IN (SELECT id FROM households WHERE number LIKE 'B%')"),
            ("women", "person_id IN (SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id WHERE h.number LIKE 'B%')"),
            ("births", "certificate_number LIKE 'BQ%'"),
            ("audit_log", $"id >= {firstAuditId}"),
        };
        var data = new List<(string table, byte[] rows)>();
        foreach (var (table, where) in tables)
        {
            using var buffer = new MemoryStream();
            await using (var reader = await conn.BeginRawBinaryCopyAsync($"COPY (SELECT * FROM public.{table} WHERE {where}) TO STDOUT (FORMAT BINARY)"))
                await reader.CopyToAsync(buffer);
            data.Add((table, buffer.ToArray()));
        }
        await CleanAsync(conn, firstAuditId);
        var watch = Stopwatch.StartNew();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            foreach (var (table, rows) in data)
            {
                await using var writer = await conn.BeginRawBinaryCopyAsync($"COPY public.{table} FROM STDIN (FORMAT BINARY)");
                await writer.WriteAsync(rows);
            }
            await tx.CommitAsync();
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Removes what one import round wrote, so the next round starts from the same database.</summary>
    public static async Task CleanAsync(NpgsqlConnection conn, long firstAuditId)
    {
        await Exec(conn, $"""
        DELETE FROM births WHERE certificate_number LIKE 'BQ%';
        DELETE FROM women WHERE person_id IN (SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id WHERE h.number LIKE 'B%');
        DELETE FROM persons WHERE household_id IN (SELECT id FROM households WHERE number LIKE 'B%');
        DELETE FROM households WHERE number LIKE 'B%';
        DELETE FROM audit_log WHERE id >= {firstAuditId};
        DELETE FROM import_runs;
        """);
        await Exec(conn, "VACUUM ANALYZE households, persons, women, births, audit_log");
    }

    /// <summary>A committed register change that moves the ledger: one birth's report date set again (its mother's entries
    /// are recomputed and the difference appended).</summary>
    public const string TouchBirth = "UPDATE births SET reported_on = reported_on WHERE id = (SELECT max(id) FROM births)";

    public static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
