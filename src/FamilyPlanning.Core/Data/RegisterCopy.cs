using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using Npgsql;
using NpgsqlTypes;

namespace FamilyPlanning.Core.Data;

/// <summary>Binary COPY of register rows (and their audit rows) on the caller's connection and transaction: the demo
/// loader and the import write through these, so both put the same columns in the same tables.</summary>
public static class RegisterCopy
{
    public static Task HouseholdsAsync(NpgsqlConnection conn, List<Household> rows, CancellationToken ct)
    {
        return Copy(conn, "households (id, number, village_code, township_code, address, head_name, hukou_type)", rows,
            async (w, h) =>
            {
                await w.WriteAsync(h.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(h.Number, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(h.VillageCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync(h.TownshipCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync(h.Address, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(h.HeadName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((int)h.HukouType, NpgsqlDbType.Integer, ct);
            }, ct);
    }

    /// <summary>The history of every person and every woman's exemption copied without one (<see cref="People.PersonHistorySql"/>,
    /// <see cref="People.ExemptionHistory"/>), after persons and women are in.</summary>
    public static async Task PersonHistoriesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(People.PersonHistorySql.Backfill, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
        await using var exemptions = new NpgsqlCommand(People.ExemptionHistory.BackfillSql, conn) { CommandTimeout = 0 };
        await exemptions.ExecuteNonQueryAsync(ct);
    }

    public static Task PersonsAsync(NpgsqlConnection conn, List<Person> rows, CancellationToken ct)
    {
        return Copy(conn, "persons (id, name, sex, birth_date, id_number, household_id, village_code, township_code, relation, " +
                         "marital_status, residence, moved_in_on, moved_out_on, moved_out_to, died_on, disability_grade)", rows,
            async (w, p) =>
            {
                await w.WriteAsync(p.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(p.Name, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((int)p.Sex, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(p.BirthDate, NpgsqlDbType.Date, ct);
                await Nullable(w, p.IdNumber, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(p.HouseholdId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(p.VillageCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync(p.TownshipCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync((int)p.Relation, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((int)p.MaritalStatus, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((int)p.Residence, NpgsqlDbType.Integer, ct);
                await Nullable(w, p.MovedInOn, NpgsqlDbType.Date, ct);
                await Nullable(w, p.MovedOutOn, NpgsqlDbType.Date, ct);
                await Nullable(w, p.MovedOutTo, NpgsqlDbType.Varchar, ct);
                await Nullable(w, p.DiedOn, NpgsqlDbType.Date, ct);
                await Nullable(w, p.DisabilityGrade, NpgsqlDbType.Integer, ct);
            }, ct);
    }

    public static Task WomenAsync(NpgsqlConnection conn, List<Woman> rows, CancellationToken ct)
    {
        return Copy(conn, "women (id, person_id, township_code, village_code, married_on, boys_before, girls_before, exemption, " +
                         "birth_service_certificate, one_child_certificate, one_child_certificate_on, registered_on)", rows,
            async (w, x) =>
            {
                await w.WriteAsync(x.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(x.PersonId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(x.TownshipCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync(x.VillageCode, NpgsqlDbType.Char, ct);
                await Nullable(w, x.MarriedOn, NpgsqlDbType.Date, ct);
                await w.WriteAsync(x.BoysBefore, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(x.GirlsBefore, NpgsqlDbType.Integer, ct);
                await Nullable(w, x.Exemption is { } e ? (int?)e : null, NpgsqlDbType.Integer, ct);
                await Nullable(w, x.BirthServiceCertificate, NpgsqlDbType.Varchar, ct);
                await Nullable(w, x.OneChildCertificate, NpgsqlDbType.Varchar, ct);
                await Nullable(w, x.OneChildCertificateOn, NpgsqlDbType.Date, ct);
                await w.WriteAsync(x.RegisteredOn, NpgsqlDbType.Date, ct);
            }, ct);
    }

    public static Task BirthsAsync(NpgsqlConnection conn, List<Birth> rows, CancellationToken ct)
    {
        return Copy(conn, "births (id, child_id, mother_id, father_id, township_code, village_code, sex, birth_date, place, " +
                         "certificate_number, delivery_id, parity, policy_status, policy_reason, policy_overridden, permit_number, reported_on, father_id_number)",
            rows, async (w, b) =>
            {
                await w.WriteAsync(b.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(b.ChildId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(b.MotherId, NpgsqlDbType.Bigint, ct);
                await Nullable(w, b.FatherId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(b.TownshipCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync(b.VillageCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync((int)b.Sex, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(b.BirthDate, NpgsqlDbType.Date, ct);
                await w.WriteAsync(b.Place, NpgsqlDbType.Varchar, ct);
                await Nullable(w, b.CertificateNumber, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(b.DeliveryId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(b.Parity, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((int)b.PolicyStatus, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(b.PolicyReason, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(b.PolicyOverridden, NpgsqlDbType.Boolean, ct);
                await Nullable(w, b.PermitNumber, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(b.ReportedOn, NpgsqlDbType.Date, ct);
                await Nullable(w, b.FatherIdNumber, NpgsqlDbType.Varchar, ct);
            }, ct);
    }

    public static Task EventsAsync(NpgsqlConnection conn, List<ContraceptiveEvent> rows, CancellationToken ct)
    {
        return Copy(conn, "contraceptive_events (id, woman_id, township_code, village_code, type, date, institution, complication, note)",
            rows, async (w, e) =>
            {
                await w.WriteAsync(e.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(e.WomanId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(e.TownshipCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync(e.VillageCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync((int)e.Type, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(e.Date, NpgsqlDbType.Date, ct);
                await w.WriteAsync((int)e.Institution, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(e.Complication, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(e.Note, NpgsqlDbType.Varchar, ct);
            }, ct);
    }

    public static Task AuditAsync(NpgsqlConnection conn, List<AuditEntry> rows, CancellationToken ct) =>
        Copy(conn, "audit_log (at, user_id, user_name, entity, entity_key, action, township_code, before, after)", rows,
            async (w, a) =>
            {
                await w.WriteAsync(a.At, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(a.UserId, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(a.UserName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(a.Entity, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(a.EntityKey, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((int)a.Action, NpgsqlDbType.Integer, ct);
                await Nullable(w, a.TownshipCode, NpgsqlDbType.Char, ct);
                await Nullable(w, a.Before, NpgsqlDbType.Jsonb, ct);
                await Nullable(w, a.After, NpgsqlDbType.Jsonb, ct);
            }, ct);

    public static async Task Copy<T>(NpgsqlConnection conn, string target, List<T> rows, Func<NpgsqlBinaryImporter, T, Task> write,
        CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var importer = await conn.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        // The server may still be writing rows and indexes when the last row is sent: millions of rows at 10x scale take
        // longer than the connection's 30-second command timeout.
        importer.Timeout = TimeSpan.FromMinutes(30);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }

    public static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? w.WriteAsync(v, type, ct) : w.WriteNullAsync(ct);

    public static Task Nullable(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, type, ct);
}
