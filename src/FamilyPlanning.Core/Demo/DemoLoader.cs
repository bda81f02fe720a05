using FamilyPlanning.Core.Data;
using Npgsql;
using NpgsqlTypes;

namespace FamilyPlanning.Core.Demo;

/// <summary>Copies generated registers into PostgreSQL with binary COPY, on the caller's connection and transaction, then
/// moves the register id sequence past the copied ids. Bulk-loaded demo rows are not audited (no person made them).</summary>
public static class DemoLoader
{
    public static async Task LoadAsync(NpgsqlConnection conn, DemoData d, CancellationToken ct)
    {
        await RegisterCopy.HouseholdsAsync(conn, d.Households, ct);
        await RegisterCopy.PersonsAsync(conn, d.Persons, ct);
        await RegisterCopy.WomenAsync(conn, d.Women, ct);
        await RegisterCopy.BirthsAsync(conn, d.Births, ct);
        await RegisterCopy.EventsAsync(conn, d.Events, ct);
        await RegisterCopy.PersonHistoriesAsync(conn, ct);

        await DemoSubsidyLoader.LoadAsync(conn, d, ct);

        // HiLo hands out blocks starting at the sequence's next value: move it past every copied id.
        await using (var seq = new NpgsqlCommand("SELECT setval('register_ids', GREATEST(@max, (SELECT last_value FROM register_ids)))", conn))
        {
            seq.Parameters.AddWithValue("max", d.MaxId);
            await seq.ExecuteNonQueryAsync(ct);
        }
        await using var analyze = new NpgsqlCommand("ANALYZE households, persons, person_events, women, births, contraceptive_events, beneficiaries, payment_runs, payment_lines", conn);
        await analyze.ExecuteNonQueryAsync(ct);
    }
}
