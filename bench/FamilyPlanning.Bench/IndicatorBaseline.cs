using FamilyPlanning.Core.Indicators;
using Npgsql;

namespace FamilyPlanning.Bench;

/// <summary>
/// The hand-written SQL the indicator service is measured against: the same counts for the period and the same period last
/// year, each table scanned once for both periods (the periods are a two-row VALUES list joined to every query), six
/// statements in one round trip on one connection, no EF Core, no service code. Only the counts are read back; the bench
/// compares them with the service's, field by field.
/// </summary>
public static class IndicatorBaseline
{
    // Each period with its (statistical) year for 往年出生未报: births of an earlier year reported in it after their deadline.
    private const string Periods = "(VALUES (0, @f0::date, @t0::date, @y0), (1, @f1::date, @t1::date, @y1)) AS per(k, f, t, y)";
    // A person's state (a person_events row) on a date.
    private const string On = "{0}.date <= {1} AND ({0}.valid_to IS NULL OR {0}.valid_to > {1})";

    private static readonly string Sql = $"""
        SELECT per.k, s.township_code::text,
          count(*) FILTER (WHERE s.present AND s.residence <> 3 AND {string.Format(On, "s", "per.f - 1")}),
          count(*) FILTER (WHERE s.present AND s.residence <> 3 AND {string.Format(On, "s", "per.t")}),
          count(*) FILTER (WHERE s.present AND s.residence = 3 AND {string.Format(On, "s", "per.t")}),
          count(*) FILTER (WHERE s.kind = 7 AND s.counts_as_death AND s.residence <> 3 AND s.date BETWEEN per.f AND per.t)
        FROM person_events s CROSS JOIN {Periods}
        GROUP BY 1, 2;

        SELECT per.k, b.township_code::text,
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.sex = 1),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.sex = 2),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.policy_status = 1),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.parity = 1),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.parity = 2),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.parity >= 3),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.parity = 1 AND b.policy_status = 1),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.parity = 2 AND b.policy_status = 1),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND b.parity >= 3 AND b.policy_status = 1),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND d.n > 1),
          count(*) FILTER (WHERE h AND b.birth_date BETWEEN per.f AND per.t AND late),
          count(*) FILTER (WHERE h AND late AND b.reported_on BETWEEN per.f AND per.t
                           AND extract(year FROM b.birth_date + make_interval(months => @shift)) < per.y),
          count(*) FILTER (WHERE NOT h AND b.birth_date BETWEEN per.f AND per.t)
        FROM births b
        JOIN (SELECT delivery_id, count(*) AS n FROM births GROUP BY delivery_id) d ON d.delivery_id = b.delivery_id
        JOIN women mw ON mw.id = b.mother_id
        JOIN person_events ms ON ms.person_id = mw.person_id AND {string.Format(On, "ms", "b.birth_date")}
        LEFT JOIN monthly_reports mr ON mr.township_code = b.township_code AND mr.month = date_trunc('month', b.birth_date)::date
        CROSS JOIN LATERAL (SELECT ms.residence <> 3 AS h, b.reported_on > coalesce(mr.first_submitted_on,
                                 (date_trunc('month', b.birth_date) + interval '1 month')::date + (@deadline - 1)) AS late) x
        CROSS JOIN {Periods}
        GROUP BY 1, 2;

        SELECT k, township_code::text,
          CASE WHEN NOT married THEN 0 WHEN fs IS NOT NULL THEN 1 WHEN ms IS NOT NULL THEN 2
               WHEN iud_in > coalesce(iud_out, -1) THEN 3 WHEN imp_in > coalesce(imp_out, -1) THEN 4
               WHEN ong > coalesce(ong_end, -1) THEN CASE ong_type WHEN 22 THEN 6 WHEN 23 THEN 7 WHEN 24 THEN 8 ELSE 5 END
               ELSE 0 END,
          count(*) FILTER (WHERE married AND resident), count(*) FILTER (WHERE married AND resident AND exempt),
          count(*) FILTER (WHERE wcba AND resident AND one_child_certificate IS NOT NULL AND coalesce(one_child_certificate_on, t) <= t)
        FROM (
          SELECT per.k, per.t, s.township_code, w.one_child_certificate, w.one_child_certificate_on, s.residence <> 3 AS resident,
                 p.birth_date > (per.t - interval '50 years')::date AND p.birth_date <= (per.t - interval '15 years')::date AS wcba,
                 s.marital_status IN (2, 3) AND p.birth_date > (per.t - interval '50 years')::date
                   AND p.birth_date <= (per.t - interval '15 years')::date AS married,
                 EXISTS (SELECT 1 FROM woman_exemptions x WHERE x.woman_id = w.id AND x.reason IN (1, 2, 5)
                         AND x."from" <= per.t AND (x."to" IS NULL OR x."to" > per.t)) AS exempt,
                 max(e.date) FILTER (WHERE e.type = 3) fs, max(e.date) FILTER (WHERE e.type = 4) ms,
                 max(o.key) FILTER (WHERE e.type = 1) iud_in, max(o.key) FILTER (WHERE e.type = 2) iud_out,
                 max(o.key) FILTER (WHERE e.type = 5) imp_in, max(o.key) FILTER (WHERE e.type = 6) imp_out,
                 max(o.key) FILTER (WHERE e.type BETWEEN 20 AND 24) ong, max(o.key) FILTER (WHERE e.type IN (29, 1, 5)) ong_end,
                 (array_agg(e.type ORDER BY o.key DESC, e.id DESC) FILTER (WHERE e.type BETWEEN 20 AND 24))[1] ong_type
          FROM women w JOIN persons p ON p.id = w.person_id CROSS JOIN {Periods}
          JOIN person_events s ON s.person_id = w.person_id AND s.present AND {string.Format(On, "s", "per.t")}
          LEFT JOIN contraceptive_events e ON e.woman_id = w.id AND e.date <= per.t
          LEFT JOIN LATERAL (SELECT (e.date - DATE '1900-01-01') * 4
                               + CASE WHEN e.type IN (2, 6, 29) THEN 0 WHEN e.type BETWEEN 20 AND 24 THEN 2 ELSE 1 END AS key) o ON true
          GROUP BY per.k, per.t, w.id, p.id, s.id) x
        GROUP BY 1, 2, 3;

        SELECT per.k, township_code::text, type, count(*)
        FROM contraceptive_events JOIN {Periods} ON date BETWEEN per.f AND per.t
        WHERE type < 20 GROUP BY 1, 2, 3;

        SELECT per.k, b.township_code::text, b.programme,
          count(*) FILTER (WHERE b.approved_on BETWEEN per.f AND per.t),
          count(*) FILTER (WHERE b.approved_on < per.f AND (b.exited_on IS NULL OR b.exited_on >= per.f)),
          count(*) FILTER (WHERE b.exited_on BETWEEN per.f AND per.t),
          coalesce((SELECT sum(u.amount) FROM payment_lines l JOIN payment_runs r ON r.id = l.run_id,
                           unnest(l.paid_months, l.month_amounts) AS u(month, amount)
                    WHERE r.township_code = b.township_code AND l.programme = b.programme AND u.month BETWEEN per.f AND per.t), 0)
        FROM beneficiaries b CROSS JOIN {Periods}
        WHERE b.approved_on IS NOT NULL GROUP BY per.k, b.township_code, b.programme, per.f, per.t;

        SELECT township_code::text, date_trunc('month', birth_date)::date, count(*) FILTER (WHERE sex = 1), count(*) FILTER (WHERE sex = 2)
        FROM births WHERE birth_date BETWEEN @f0 AND @t0 GROUP BY 1, 2;
        """;

    /// <summary>Counts per period (0 = the period, 1 = last year) and township.</summary>
    public static async Task<Dictionary<(int, string), IndicatorCounts>> CountsAsync(NpgsqlConnection conn, Period now, Period last,
        int deadlineDay, int yearStartMonth = 1)
    {
        var result = new Dictionary<(int, string), IndicatorCounts>();
        IndicatorCounts C(NpgsqlDataReader r) =>
            result.TryGetValue((r.GetInt32(0), r.GetString(1)), out var c) ? c : result[(r.GetInt32(0), r.GetString(1))] = new IndicatorCounts();
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.AddWithValue("f0", now.From);
        cmd.Parameters.AddWithValue("t0", now.To);
        cmd.Parameters.AddWithValue("f1", last.From);
        cmd.Parameters.AddWithValue("t1", last.To);
        cmd.Parameters.AddWithValue("deadline", deadlineDay);
        cmd.Parameters.AddWithValue("shift", (13 - yearStartMonth) % 12);
        cmd.Parameters.AddWithValue("y0", Period.YearOf(now.To, yearStartMonth));
        cmd.Parameters.AddWithValue("y1", Period.YearOf(last.To, yearStartMonth));
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var c = C(r);
            (c.PopulationStart, c.PopulationEnd, c.InMigrantsEnd, c.Deaths) = (r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
        }
        await r.NextResultAsync();
        while (await r.ReadAsync())
        {
            var c = C(r);
            (c.Births, c.Boys, c.Girls, c.Compliant) = (r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
            c.ByParity = [r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)];
            c.CompliantByParity = [r.GetInt64(9), r.GetInt64(10), r.GetInt64(11)];
            (c.Twins, c.LateReports, c.EarlierYearsReported, c.InMigrantBirths) = (r.GetInt64(12), r.GetInt64(13), r.GetInt64(14), r.GetInt64(15));
        }
        await r.NextResultAsync();
        while (await r.ReadAsync())
        {
            var c = C(r);
            var method = (FamilyPlanning.Core.Contraception.Method)r.GetInt32(2);
            c.Methods[method] = c.Methods.GetValueOrDefault(method) + r.GetInt64(3);
            c.MarriedWcba += r.GetInt64(3);
            c.MarriedWcbaExempt += r.GetInt64(4);
            c.OneChildCertificates += r.GetInt64(5);
        }
        await r.NextResultAsync();
        while (await r.ReadAsync()) C(r).Procedures[(FamilyPlanning.Core.Contraception.ContraceptiveType)r.GetInt32(2)] = r.GetInt64(3);
        await r.NextResultAsync();
        while (await r.ReadAsync())
        {
            var counts = new SubsidyCounts(r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetDecimal(6));
            if (counts != new SubsidyCounts()) C(r).Subsidies[(FamilyPlanning.Core.Subsidies.Programme)r.GetInt32(2)] = counts;
        }
        await r.NextResultAsync();
        while (await r.ReadAsync()) { }
        return result;
    }

    /// <summary>The differences between two sets of counts, as text; empty when every figure agrees.</summary>
    public static List<string> Differences(string unit, IndicatorCounts a, IndicatorCounts b)
    {
        var diffs = new List<string>();
        void Check(string name, object x, object y) { if (!Equals(x, y)) diffs.Add($"{unit} {name}: app {x} / baseline {y}"); }
        Check("population start", a.PopulationStart, b.PopulationStart);
        Check("population end", a.PopulationEnd, b.PopulationEnd);
        Check("in-migrants", a.InMigrantsEnd, b.InMigrantsEnd);
        Check("deaths", a.Deaths, b.Deaths);
        Check("births", a.Births, b.Births);
        Check("boys", a.Boys, b.Boys);
        Check("girls", a.Girls, b.Girls);
        Check("compliant", a.Compliant, b.Compliant);
        Check("parity", string.Join("/", a.ByParity), string.Join("/", b.ByParity));
        Check("compliant parity", string.Join("/", a.CompliantByParity), string.Join("/", b.CompliantByParity));
        Check("twins", a.Twins, b.Twins);
        Check("late reports", a.LateReports, b.LateReports);
        Check("earlier years", a.EarlierYearsReported, b.EarlierYearsReported);
        Check("in-migrant births", a.InMigrantBirths, b.InMigrantBirths);
        Check("married WCBA", a.MarriedWcba, b.MarriedWcba);
        Check("exempt", a.MarriedWcbaExempt, b.MarriedWcbaExempt);
        Check("one-child certificates", a.OneChildCertificates, b.OneChildCertificates);
        foreach (var k in a.Methods.Keys.Union(b.Methods.Keys)) Check("method " + k, a.Methods.GetValueOrDefault(k), b.Methods.GetValueOrDefault(k));
        foreach (var k in a.Procedures.Keys.Union(b.Procedures.Keys)) Check("procedure " + k, a.Procedures.GetValueOrDefault(k), b.Procedures.GetValueOrDefault(k));
        foreach (var k in a.Subsidies.Keys.Union(b.Subsidies.Keys))
            Check("subsidy " + k, a.Subsidies.GetValueOrDefault(k) ?? new(), b.Subsidies.GetValueOrDefault(k) ?? new());
        return diffs;
    }
}
