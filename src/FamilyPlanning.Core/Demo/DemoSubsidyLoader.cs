using Npgsql;
using NpgsqlTypes;
using static FamilyPlanning.Core.Data.RegisterCopy;

namespace FamilyPlanning.Core.Demo;

/// <summary>Binary COPY of the demo monthly reports, targets, beneficiaries, their steps and reviews, and the paid payment runs.</summary>
internal static class DemoSubsidyLoader
{
    public static async Task LoadAsync(NpgsqlConnection conn, DemoData d, CancellationToken ct)
    {
        await Copy(conn, "monthly_reports (id, township_code, month, status, first_submitted_on, submitted_at, approved_at)", d.MonthlyReports,
            async (w, r) =>
            {
                await w.WriteAsync(r.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(r.TownshipCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync(r.Month, NpgsqlDbType.Date, ct);
                await w.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct);
                await Nullable(w, r.FirstSubmittedOn, NpgsqlDbType.Date, ct);
                await Nullable(w, r.SubmittedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await Nullable(w, r.ApprovedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            }, ct);
        await Copy(conn, "targets (id, township_code, year, birth_target, planned_birth_rate_target, sex_ratio_ceiling, sterilisation_task, " +
                         "iud_task, abortion_task, induced_labour_task)", d.Targets, async (w, t) =>
        {
            await w.WriteAsync(t.Id, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync(t.TownshipCode, NpgsqlDbType.Char, ct);
            await w.WriteAsync(t.Year, NpgsqlDbType.Integer, ct);
            await Nullable(w, t.BirthTarget, NpgsqlDbType.Integer, ct);
            await Nullable(w, t.PlannedBirthRateTarget, NpgsqlDbType.Numeric, ct);
            await Nullable(w, t.SexRatioCeiling, NpgsqlDbType.Numeric, ct);
            await Nullable(w, t.SterilisationTask, NpgsqlDbType.Integer, ct);
            await Nullable(w, t.IudTask, NpgsqlDbType.Integer, ct);
            await Nullable(w, t.AbortionTask, NpgsqlDbType.Integer, ct);
            await Nullable(w, t.InducedLabourTask, NpgsqlDbType.Integer, ct);
        }, ct);
        await Copy(conn, "beneficiaries (id, person_id, child_id, programme, category, township_code, village_code, status, applied_on, " +
                         "approved_on, first_month, exited_on, exit_reason, declared_boys, declared_girls, note)", d.Beneficiaries, async (w, b) =>
        {
            await w.WriteAsync(b.Id, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync(b.PersonId, NpgsqlDbType.Bigint, ct);
            await Nullable(w, b.ChildId, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync((int)b.Programme, NpgsqlDbType.Integer, ct);
            await w.WriteAsync((int)b.Category, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(b.TownshipCode, NpgsqlDbType.Char, ct);
            await w.WriteAsync(b.VillageCode, NpgsqlDbType.Char, ct);
            await w.WriteAsync((int)b.Status, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(b.AppliedOn, NpgsqlDbType.Date, ct);
            await Nullable(w, b.ApprovedOn, NpgsqlDbType.Date, ct);
            await Nullable(w, b.FirstMonth, NpgsqlDbType.Date, ct);
            await Nullable(w, b.ExitedOn, NpgsqlDbType.Date, ct);
            await Nullable(w, b.ExitReason is { } r ? (int?)r : null, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(b.DeclaredBoys, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(b.DeclaredGirls, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(b.Note, NpgsqlDbType.Varchar, ct);
        }, ct);
        await Copy(conn, "beneficiary_steps (id, beneficiary_id, status, at, user_name, note)", d.Beneficiaries.SelectMany(b => b.Steps).ToList(),
            async (w, s) =>
            {
                await w.WriteAsync(s.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(s.BeneficiaryId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync((int)s.Status, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(s.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(s.UserName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(s.Note, NpgsqlDbType.Varchar, ct);
            }, ct);
        await Copy(conn, "annual_reviews (id, beneficiary_id, township_code, year, continues, exit_reason, note, reviewed_on, reviewed_by)",
            d.Reviews, async (w, r) =>
            {
                await w.WriteAsync(r.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(r.BeneficiaryId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(r.TownshipCode, NpgsqlDbType.Char, ct);
                await w.WriteAsync(r.Year, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(r.Continues, NpgsqlDbType.Boolean, ct);
                await Nullable(w, r.ExitReason is { } e ? (int?)e : null, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(r.Note, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(r.ReviewedOn, NpgsqlDbType.Date, ct);
                await w.WriteAsync(r.ReviewedBy, NpgsqlDbType.Varchar, ct);
            }, ct);
        await Copy(conn, "payment_runs (id, township_code, from_month, to_month, created_at, created_by, paid_on)", d.Runs, async (w, r) =>
        {
            await w.WriteAsync(r.Id, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync(r.TownshipCode, NpgsqlDbType.Char, ct);
            await w.WriteAsync(r.FromMonth, NpgsqlDbType.Date, ct);
            await w.WriteAsync(r.ToMonth, NpgsqlDbType.Date, ct);
            await w.WriteAsync(r.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(r.CreatedBy, NpgsqlDbType.Varchar, ct);
            await Nullable(w, r.PaidOn, NpgsqlDbType.Date, ct);
        }, ct);
        await Copy(conn, "payment_lines (id, run_id, beneficiary_id, programme, months, amount, detail, paid_months, month_amounts)", d.Runs.SelectMany(r => r.Lines).ToList(),
            async (w, l) =>
            {
                await w.WriteAsync(l.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(l.RunId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(l.BeneficiaryId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync((int)l.Programme, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(l.Months, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(l.Amount, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(l.Detail, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(l.PaidMonths, NpgsqlDbType.Array | NpgsqlDbType.Date, ct);
                await w.WriteAsync(l.MonthAmounts, NpgsqlDbType.Array | NpgsqlDbType.Numeric, ct);
            }, ct);
    }
}
