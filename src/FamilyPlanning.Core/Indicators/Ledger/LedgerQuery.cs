using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Subsidies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPlanning.Core.Indicators.Ledger;

/// <summary>The counts of <see cref="IndicatorQuery"/>, read from the ledger instead of the registers.</summary>
public sealed record LedgerAnswer(List<Dictionary<string, IndicatorCounts>> Periods, List<MonthlyBirths> Months);

public sealed record MonthlyBirths(string Township, DateOnly Month, long Boys, long Girls, long Compliant);

/// <summary>
/// Reads any number of periods for many townships in one statement (one snapshot): a stock on a date is the running total
/// of its monthly row for the last whole month up to the date, plus the days after it, plus the deltas not yet folded;
/// a flow over a period is the sum of its whole months, the days of its partial first and last months and the unfolded
/// deltas. A county half-year with last year reads a few thousand rows, however large the registers.
/// </summary>
public sealed class LedgerQuery(AppDbContext db)
{
    /// <summary>Whether the ledger can answer a period (it keeps monthly rows from <see cref="LedgerSql.Epoch"/> to
    /// <see cref="LedgerSql.Horizon"/>).</summary>
    public static bool Covers(Period p) => p.From.AddDays(-1) >= LedgerSql.Epoch && p.To < LedgerSql.Horizon.AddMonths(1);

    public async Task<LedgerAnswer> CountsAsync(IReadOnlyList<string> townships, IReadOnlyList<Period> periods, int deadlineDay,
        int yearStartMonth, CancellationToken ct)
    {
        var result = periods.Select(_ => townships.ToDictionary(t => t, _ => new IndicatorCounts())).ToList();
        var subsidies = periods.Select(_ => new Dictionary<(string, Programme), SubsidyCounts>()).ToList();
        var monthly = new Dictionary<(string, DateOnly), MonthlyBirths>();
        await using var conn = new NpgsqlConnection(db.Database.GetConnectionString());
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.AddWithValue("t", townships.ToArray());
        cmd.Parameters.AddWithValue("dates", periods.SelectMany(p => new[] { p.From.AddDays(-1), p.To }).ToArray());
        cmd.Parameters.AddWithValue("froms", periods.Select(p => p.From).ToArray());
        cmd.Parameters.AddWithValue("tos", periods.Select(p => p.To).ToArray());
        // Prepared once per pooled connection: the plan is not made again for every report.
        await cmd.PrepareAsync(ct);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var (isFlow, township, measure, key, index, value) =
                (r.GetInt32(0) == 1, r.GetString(1), (Measure)r.GetInt16(2), r.GetInt32(3), (int)r.GetInt64(4) - 1, r.GetInt64(6));
            if (!result[0].ContainsKey(township)) continue;
            if (isFlow)
            {
                var p = periods[index];
                Flow(result[index][township], subsidies[index], township, measure, key, value, deadlineDay,
                    LedgerKeys.MonthIndex(Period.YearStart(Period.YearOf(p.To, yearStartMonth), yearStartMonth)));
                if (index == 0 && measure == Measure.Births && LedgerKeys.ReadBirth(key) is { InMigrant: false } b)
                {
                    var month = DateOnly.FromDateTime(r.GetDateTime(5));
                    var m = monthly.GetValueOrDefault((township, month), new MonthlyBirths(township, month, 0, 0, 0));
                    monthly[(township, month)] = m with
                    {
                        Boys = m.Boys + (b.Girl ? 0 : value),
                        Girls = m.Girls + (b.Girl ? value : 0),
                        Compliant = m.Compliant + (b.Compliant ? value : 0),
                    };
                }
            }
            else
            {
                var period = index / 2;
                Stock(result[period][township], subsidies[period], township, measure, key, value, atEnd: index % 2 == 1);
            }
        }
        for (var i = 0; i < periods.Count; i++)
            foreach (var ((township, programme), counts) in subsidies[i])
                if (counts != new SubsidyCounts()) result[i][township].Subsidies[programme] = counts;
        return new LedgerAnswer(result, monthly.Values.OrderBy(m => m.Month).ThenBy(m => m.Township).ToList());
    }

    private static void Stock(IndicatorCounts c, Dictionary<(string, Programme), SubsidyCounts> subsidies, string township,
        Measure measure, int key, long v, bool atEnd)
    {
        switch (measure)
        {
            case Measure.Population when !atEnd && key == 0: c.PopulationStart += v; break;
            case Measure.Population when atEnd && key == 0: c.PopulationEnd += v; break;
            case Measure.Population when atEnd: c.InMigrantsEnd += v; break;
            case Measure.MarriedWcba when atEnd:
                var (method, inMigrant, exempt) = LedgerKeys.ReadWoman(key);
                var withMethod = method != Method.None;
                if (!inMigrant)
                {
                    c.Methods[method] = c.Methods.GetValueOrDefault(method) + v;
                    c.MarriedWcba += v;
                    if (exempt) c.MarriedWcbaExempt += v;
                    if (exempt && withMethod) c.ExemptWithMethod += v;
                }
                else
                {
                    c.InMigrantMarriedWcba += v;
                    if (exempt) c.InMigrantExempt += v;
                    if (withMethod) c.InMigrantWithMethod += v;
                    if (exempt && withMethod) c.InMigrantExemptWithMethod += v;
                }
                break;
            case Measure.Certificates when atEnd: c.OneChildCertificates += v; break;
            case Measure.UnregisteredMarriedWcba when atEnd: c.UnregisteredMarriedWcba += v; break;
            case Measure.SubsidyActive when !atEnd:
                Add(subsidies, township, (Programme)key, new SubsidyCounts(Continuing: v));
                break;
        }
    }

    private static void Flow(IndicatorCounts c, Dictionary<(string, Programme), SubsidyCounts> subsidies, string township,
        Measure measure, int key, long v, int deadlineDay, int yearStartIndex)
    {
        switch (measure)
        {
            case Measure.Deaths: c.Deaths += v; break;
            case Measure.Births:
                var b = LedgerKeys.ReadBirth(key);
                if (b.InMigrant) { c.InMigrantBirths += v; break; }
                c.Births += v;
                if (b.Girl) c.Girls += v; else c.Boys += v;
                if (b.Compliant) c.Compliant += v;
                if (b.ParityIndex < 3)
                {
                    c.ByParity[b.ParityIndex] += v;
                    if (b.Compliant) c.CompliantByParity[b.ParityIndex] += v;
                }
                if (b.Twin) c.Twins += v;
                break;
            case Measure.BirthLateness when LedgerKeys.IsLate(key, deadlineDay): c.LateReports += v; break;
            case Measure.ReportedBirths:
                var (monthIndex, lateness) = LedgerKeys.ReadEarlierYear(key);
                if (monthIndex < yearStartIndex && LedgerKeys.IsLate(lateness, deadlineDay)) c.EarlierYearsReported += v;
                break;
            case Measure.Procedures:
                c.Procedures[(ContraceptiveType)key] = c.Procedure((ContraceptiveType)key) + v;
                break;
            case Measure.SubsidyApproved: Add(subsidies, township, (Programme)key, new SubsidyCounts(New: v)); break;
            case Measure.SubsidyExited: Add(subsidies, township, (Programme)key, new SubsidyCounts(Exited: v)); break;
            case Measure.SubsidyPaidFen: Add(subsidies, township, (Programme)key, new SubsidyCounts(Paid: v / 100m)); break;
        }
    }

    private static void Add(Dictionary<(string, Programme), SubsidyCounts> s, string township, Programme p, SubsidyCounts add) =>
        s[(township, p)] = s.GetValueOrDefault((township, p), new SubsidyCounts()) + add;

    private static readonly string Sql = $"""
        WITH dates AS (
          SELECT at, i, CASE WHEN at + 1 = date_trunc('month', at + 1)::date THEN date_trunc('month', at)::date
                             ELSE (date_trunc('month', at) - interval '1 month')::date END AS closing_month
          FROM unnest(@dates::date[]) WITH ORDINALITY d(at, i)),
        ranges AS (
          SELECT f, t, j,
                 CASE WHEN f = date_trunc('month', f)::date THEN f ELSE (date_trunc('month', f) + interval '1 month')::date END AS full_from,
                 date_trunc('month', t + 1)::date AS full_to
          FROM unnest(@froms::date[], @tos::date[]) WITH ORDINALITY r(f, t, j)),
        stock AS (
          SELECT m.township_code, m.measure, m.key, d.i, m.closing AS v
          FROM dates d JOIN ledger_months m ON m.month = d.closing_month
          WHERE m.township_code = ANY(@t) AND m.measure IN ({Measures.Sql(Measures.Stocks)})
          UNION ALL
          SELECT x.township_code, x.measure, x.key, d.i, x.delta
          FROM dates d CROSS JOIN LATERAL (
            SELECT * FROM ledger_days x WHERE x.township_code = ANY(@t) AND x.date >= (d.closing_month + interval '1 month')::date
              AND x.date <= d.at AND x.measure IN ({Measures.Sql(Measures.Stocks)}) OFFSET 0) x
          UNION ALL
          SELECT x.township_code, x.measure, x.key, d.i, sum(x.delta)
          FROM ledger_deltas x JOIN dates d ON x.date <= d.at
          WHERE x.township_code = ANY(@t) AND x.measure IN ({Measures.Sql(Measures.Stocks)})
          GROUP BY 1, 2, 3, 4),
        flow AS (
          SELECT m.township_code, m.measure, m.key, r.j, m.month AS b, m.flow AS v
          FROM ledger_months m JOIN ranges r ON m.month >= r.full_from AND m.month < r.full_to
          WHERE m.township_code = ANY(@t) AND m.measure IN ({Measures.Sql(Measures.Flows)})
          UNION ALL
          SELECT x.township_code, x.measure, x.key, r.j, date_trunc('month', x.date)::date, x.delta
          FROM ranges r CROSS JOIN LATERAL (
            SELECT * FROM ledger_days x WHERE x.township_code = ANY(@t) AND x.date BETWEEN r.f AND least(r.full_from - 1, r.t)
              AND x.measure IN ({Measures.Sql(Measures.Flows)}) OFFSET 0) x
          UNION ALL
          SELECT x.township_code, x.measure, x.key, r.j, date_trunc('month', x.date)::date, x.delta
          FROM ranges r CROSS JOIN LATERAL (
            SELECT * FROM ledger_days x WHERE x.township_code = ANY(@t) AND x.date BETWEEN greatest(r.full_to, r.full_from) AND r.t
              AND x.measure IN ({Measures.Sql(Measures.Flows)}) OFFSET 0) x
          UNION ALL
          SELECT x.township_code, x.measure, x.key, r.j, date_trunc('month', x.date)::date, x.delta
          FROM ledger_deltas x JOIN ranges r ON x.date BETWEEN r.f AND r.t
          WHERE x.township_code = ANY(@t) AND x.measure IN ({Measures.Sql(Measures.Flows)}))
        SELECT 0, township_code, measure, key, i, NULL::timestamp, sum(v)::bigint FROM stock GROUP BY 2, 3, 4, 5 HAVING sum(v) <> 0
        UNION ALL
        SELECT 1, township_code, measure, key, j, b::timestamp, sum(v)::bigint FROM flow GROUP BY 2, 3, 4, 5, 6 HAVING sum(v) <> 0
        """;
}
