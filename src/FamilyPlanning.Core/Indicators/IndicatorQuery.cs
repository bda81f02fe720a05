using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPlanning.Core.Indicators;

/// <summary>
/// The counts behind every indicator, for many townships and one period, in five grouped SQL queries (population and
/// deaths; births; women and methods; procedures; subsidies) — never a row per person into memory, never a query per
/// township or month. Everything about persons at a date (present, where, residence, marital status) is read from their
/// histories (<c>person_events</c>) as they were on that date, so a past period's figures do not change when life goes on;
/// the period starts with the population at the end of the day before it.
/// </summary>
public sealed class IndicatorQuery(AppDbContext db)
{
    public async Task<Dictionary<string, IndicatorCounts>> CountsAsync(IReadOnlyList<string> townships, Period p, int deadlineDay,
        int yearStartMonth, CancellationToken ct)
    {
        var result = townships.ToDictionary(t => t, _ => new IndicatorCounts());
        // A connection of its own (from the pool), so a period and the same period last year can be counted in parallel.
        await using var conn = new NpgsqlConnection(db.Database.GetConnectionString());
        await conn.OpenAsync(ct);
        var args = new Dictionary<string, object>
        {
            ["t"] = townships.ToArray(),
            ["from"] = p.From,
            ["to"] = p.To,
            ["before"] = p.From.AddDays(-1),
            ["deadline"] = deadlineDay,
            ["shift"] = (13 - yearStartMonth) % 12,
            ["year"] = Period.YearOf(p.To, yearStartMonth),
        };
        await Read(conn, PopulationSql, args, r =>
        {
            var c = result[r.GetString(0)];
            c.PopulationStart = r.GetInt64(1);
            c.PopulationEnd = r.GetInt64(2);
            c.InMigrantsEnd = r.GetInt64(3);
            c.Deaths = r.GetInt64(4);
        }, ct);
        await Read(conn, BirthsSql, args, r =>
        {
            var c = result[r.GetString(0)];
            c.Births = r.GetInt64(1);
            c.Boys = r.GetInt64(2);
            c.Girls = r.GetInt64(3);
            c.Compliant = r.GetInt64(4);
            c.ByParity = [r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)];
            c.CompliantByParity = [r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)];
            c.Twins = r.GetInt64(11);
            c.LateReports = r.GetInt64(12);
            c.EarlierYearsReported = r.GetInt64(13);
            c.InMigrantBirths = r.GetInt64(14);
        }, ct);
        await Read(conn, WomenSql, args, r =>
        {
            var c = result[r.GetString(0)];
            var method = (Method)r.GetInt32(1);
            var withMethod = method != Method.None;
            c.Methods[method] = c.Methods.GetValueOrDefault(method) + r.GetInt64(2);
            c.MarriedWcba += r.GetInt64(2);
            c.MarriedWcbaExempt += r.GetInt64(3);
            if (withMethod) c.ExemptWithMethod += r.GetInt64(3);
            c.OneChildCertificates += r.GetInt64(4);
            c.InMigrantMarriedWcba += r.GetInt64(5);
            c.InMigrantExempt += r.GetInt64(6);
            if (withMethod)
            {
                c.InMigrantWithMethod += r.GetInt64(5);
                c.InMigrantExemptWithMethod += r.GetInt64(6);
            }
        }, ct);
        await Read(conn, $"SELECT township_code, count(*) FROM ({UnregisteredWomen.Sql}) u GROUP BY 1", args, r =>
            result[r.GetString(0)].UnregisteredMarriedWcba = r.GetInt64(1), ct);
        await Read(conn, ProceduresSql, args, r =>
            result[r.GetString(0)].Procedures[(ContraceptiveType)r.GetInt32(1)] = r.GetInt64(2), ct);
        await Read(conn, SubsidiesSql, args, r =>
        {
            // A programme with nobody new, continuing or exited and nothing paid in the period has no row at all.
            var counts = new SubsidyCounts(r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetDecimal(5));
            if (counts != new SubsidyCounts()) result[r.GetString(0)].Subsidies[(Programme)r.GetInt32(1)] = counts;
        }, ct);
        return result;
    }

    /// <summary>Births by township, month and sex over a period (for the trend charts): one grouped query.</summary>
    public async Task<List<Ledger.MonthlyBirths>> MonthlyBirthsAsync(IReadOnlyList<string> townships, Period p, CancellationToken ct)
    {
        var rows = new List<Ledger.MonthlyBirths>();
        await using var conn = new NpgsqlConnection(db.Database.GetConnectionString());
        await conn.OpenAsync(ct);
        await Read(conn, MonthlySql, new Dictionary<string, object> { ["t"] = townships.ToArray(), ["from"] = p.From, ["to"] = p.To },
            r => rows.Add(new(r.GetString(0), DateOnly.FromDateTime(r.GetDateTime(1)), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4))), ct);
        return rows;
    }

    private static async Task Read(NpgsqlConnection conn, string sql, Dictionary<string, object> args, Action<NpgsqlDataReader> row,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (k, v) in args)
            if (sql.Contains('@' + k)) cmd.Parameters.AddWithValue(k, v);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) row(r);
    }

    /// <summary>
    /// Population at a date from the persons' histories as they were on that date: present (born, here, alive) 户籍 persons
    /// in the township they were registered in then; 流入 apart. Deaths: of persons present here just before, 户籍.
    /// </summary>
    private static readonly string PopulationSql = $"""
        SELECT township_code::text,
          count(*) FILTER (WHERE present AND residence <> {(int)Residence.InMigrant} AND {IndicatorSql.Holds("s", "@before")}),
          count(*) FILTER (WHERE present AND residence <> {(int)Residence.InMigrant} AND {IndicatorSql.Holds("s", "@to")}),
          count(*) FILTER (WHERE present AND residence = {(int)Residence.InMigrant} AND {IndicatorSql.Holds("s", "@to")}),
          count(*) FILTER (WHERE kind = {(int)PersonEventKind.Death} AND counts_as_death AND residence <> {(int)Residence.InMigrant}
                           AND date BETWEEN @from AND @to)
        FROM person_events s WHERE township_code = ANY(@t)
        GROUP BY township_code
        """;

    /// <summary>
    /// Births by the mother's residence on the birth date: 户籍 mothers' births make every 户籍 figure, 流入 mothers' are
    /// counted apart.
    /// 补报: a birth of the period reported after its month was first submitted (or, before that, after the deadline day).
    /// 往年出生未报: a birth of an earlier (statistical) year than the period's, reported within the period after its own
    /// month's deadline or submission; a late birth of the period's own year is 补报 of its month instead.
    /// </summary>
    private static readonly string BirthsSql = $"""
        SELECT township_code::text,
          count(*) FILTER (WHERE inp),
          count(*) FILTER (WHERE inp AND sex = {(int)Sex.Male}),
          count(*) FILTER (WHERE inp AND sex = {(int)Sex.Female}),
          count(*) FILTER (WHERE inp AND policy_status = {(int)Births.PolicyStatus.Compliant}),
          count(*) FILTER (WHERE inp AND parity = 1),
          count(*) FILTER (WHERE inp AND parity = 2),
          count(*) FILTER (WHERE inp AND parity >= 3),
          count(*) FILTER (WHERE inp AND parity = 1 AND policy_status = {(int)Births.PolicyStatus.Compliant}),
          count(*) FILTER (WHERE inp AND parity = 2 AND policy_status = {(int)Births.PolicyStatus.Compliant}),
          count(*) FILTER (WHERE inp AND parity >= 3 AND policy_status = {(int)Births.PolicyStatus.Compliant}),
          count(*) FILTER (WHERE inp AND in_delivery > 1),
          count(*) FILTER (WHERE inp AND late),
          count(*) FILTER (WHERE resident AND late AND reported_on BETWEEN @from AND @to
                           AND extract(year FROM birth_date + make_interval(months => @shift)) < @year),
          count(*) FILTER (WHERE born_here AND NOT resident)
        FROM (SELECT b.*, b.birth_date BETWEEN @from AND @to AS born_here,
                     ms.residence <> {(int)Residence.InMigrant} AS resident,
                     b.birth_date BETWEEN @from AND @to AND ms.residence <> {(int)Residence.InMigrant} AS inp,
                     b.reported_on > coalesce(mr.first_submitted_on,
                         (date_trunc('month', b.birth_date) + interval '1 month')::date + (@deadline - 1)) AS late,
                     count(*) OVER (PARTITION BY delivery_id) AS in_delivery
              FROM births b
              JOIN women mw ON mw.id = b.mother_id
              JOIN person_events ms ON ms.person_id = mw.person_id AND {IndicatorSql.Holds("ms", "b.birth_date")}
              LEFT JOIN monthly_reports mr ON mr.township_code = b.township_code AND mr.month = date_trunc('month', b.birth_date)::date
              WHERE b.township_code = ANY(@t)
                AND (b.birth_date BETWEEN @from AND @to OR (b.birth_date < @from AND b.reported_on BETWEEN @from AND @to))) x
        GROUP BY township_code
        """;

    // Method in effect at the period end (IndicatorSql.MethodCase). Per township and method: 户籍 married WCBA, of whom
    // exempt; certificate holders among 户籍 women 15–49; 流入 married WCBA, of whom exempt. Exempt women leave the
    // prevalence numerator with the denominator (IndicatorMath).
    private static readonly string WomenSql = $"""
        SELECT s.township_code::text, {IndicatorSql.MethodCase("k.married")} AS method,
          count(*) FILTER (WHERE married AND resident),
          count(*) FILTER (WHERE married AND resident AND exempt),
          count(*) FILTER (WHERE wcba AND resident AND w.one_child_certificate IS NOT NULL
                           AND coalesce(w.one_child_certificate_on, @to) <= @to),
          count(*) FILTER (WHERE married AND NOT resident),
          count(*) FILTER (WHERE married AND NOT resident AND exempt)
        FROM women w
        JOIN persons p ON p.id = w.person_id
        JOIN person_events s ON s.person_id = w.person_id AND s.present AND {IndicatorSql.Holds("s", "@to")}
        CROSS JOIN LATERAL (SELECT {IndicatorSql.Wcba("p.birth_date", "@to")} AS wcba,
                                   NOT {IndicatorSql.InMigrant("s.residence")} AS resident,
                                   {IndicatorSql.Exempt("w.id", "@to")} AS exempt) a
        CROSS JOIN LATERAL (SELECT a.wcba AND {IndicatorSql.Married("s.marital_status")} AS married) k
        {IndicatorSql.MethodJoin("w.id", "@to", "k.married")}
        WHERE s.township_code = ANY(@t)
        GROUP BY 1, 2
        """;

    private static readonly string ProceduresSql = $"""
        SELECT township_code::text, type, count(*)
        FROM contraceptive_events
        WHERE township_code = ANY(@t) AND date BETWEEN @from AND @to AND {IndicatorSql.IsProcedure("type")}
        GROUP BY 1, 2
        """;

    private const string SubsidiesSql = """
        WITH paid AS (
          SELECT r.township_code, l.programme, sum(u.amount) AS amount
          FROM payment_lines l JOIN payment_runs r ON r.id = l.run_id
          CROSS JOIN LATERAL unnest(l.paid_months, l.month_amounts) AS u(month, amount)
          WHERE r.township_code = ANY(@t) AND u.month BETWEEN @from AND @to
          GROUP BY 1, 2),
        people AS (
          SELECT township_code, programme,
            count(*) FILTER (WHERE approved_on BETWEEN @from AND @to) AS new,
            count(*) FILTER (WHERE approved_on < @from AND (exited_on IS NULL OR exited_on >= @from)) AS continuing,
            count(*) FILTER (WHERE exited_on BETWEEN @from AND @to) AS exited
          FROM beneficiaries
          WHERE township_code = ANY(@t) AND approved_on IS NOT NULL
          GROUP BY 1, 2)
        SELECT coalesce(people.township_code, paid.township_code)::text, coalesce(people.programme, paid.programme),
               coalesce(new, 0), coalesce(continuing, 0), coalesce(exited, 0), coalesce(amount, 0)
        FROM people FULL JOIN paid ON paid.township_code = people.township_code AND paid.programme = people.programme
        """;

    /// <summary>The trend chart's births: those of 户籍 mothers (as <see cref="BirthsSql"/> counts them), by month.</summary>
    private static readonly string MonthlySql = $"""
        SELECT b.township_code::text, date_trunc('month', b.birth_date)::timestamp,
               count(*) FILTER (WHERE b.sex = {(int)Sex.Male}), count(*) FILTER (WHERE b.sex = {(int)Sex.Female}),
               count(*) FILTER (WHERE b.policy_status = {(int)Births.PolicyStatus.Compliant})
        FROM births b
        JOIN women mw ON mw.id = b.mother_id
        JOIN person_events ms ON ms.person_id = mw.person_id AND {IndicatorSql.Holds("ms", "b.birth_date")}
        WHERE b.township_code = ANY(@t) AND b.birth_date BETWEEN @from AND @to AND NOT {IndicatorSql.InMigrant("ms.residence")}
        GROUP BY 1, 2
        """;
}
