using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.People;
using static FamilyPlanning.Core.Indicators.IndicatorSql;

namespace FamilyPlanning.Core.Indicators.Ledger;

/// <summary>
/// The indicator ledger in PostgreSQL (docs/decisions.md, "Indicator ledger"). Every register row belongs to an owner — a
/// person (her own history, her woman record, exemptions, contraceptive events and the births she gave), a subsidy
/// beneficiary or a payment line — and the owner's dated entries (<c>ledger_entries</c>) are a pure function of the
/// registers. A statement trigger on each register table notes the owners a statement touched; at commit a deferred
/// trigger recomputes each noted owner once, replaces its entries and appends the difference to <c>ledger_deltas</c>:
/// the same transaction as the change, whatever wrote it (a page, an import's COPY, the demo loader, a raw correction).
/// Writers only insert rows of their own, so they never wait on a shared counter. <c>ledger_fold()</c> moves deltas into
/// daily sums (<c>ledger_days</c>) and monthly sums with running totals (<c>ledger_months</c>); a reader sums folded rows
/// and the few unfolded deltas in one snapshot (<see cref="LedgerQuery"/>).
/// </summary>
public static class LedgerSql
{
    public const short PersonOwner = 1, BeneficiaryOwner = 2, PaymentLineOwner = 3;

    /// <summary>Monthly rows start here; everything before is one opening row (a month earlier). Periods that start before
    /// it are answered by the register scan.</summary>
    public static readonly DateOnly Epoch = new(2000, 1, 1);

    /// <summary>Stocks have a monthly row (with its running total) for every month from the opening row to here, so a report
    /// reads a stock's value at a month end as one row. Reports ending later are answered by the register scan; moving
    /// the horizon changes the definition, so the next migrate rebuilds the ledger.</summary>
    public static readonly DateOnly Horizon = new(2039, 12, 1);

    /// <summary>Advisory locks (single bigint keys; owner locks are kind &lt;&lt; 40 + id, always positive).</summary>
    private const long AllOwnersLock = -7001;

    /// <summary>Held while folding or rebuilding; a test reset holds it too so it never truncates under a fold.</summary>
    public const long FoldLock = -7002;

    private static string M(Measure m) => ((int)m).ToString();
    private static readonly string EpochSql = $"DATE '{Epoch:yyyy-MM-dd}'";
    private static readonly string OpeningMonthSql = $"DATE '{Epoch.AddMonths(-1):yyyy-MM-dd}'";
    private static readonly string HorizonSql = $"DATE '{Horizon:yyyy-MM-dd}'";

    public const string Tables = """
        CREATE TABLE ledger_entries (owner_kind smallint NOT NULL, owner_id bigint NOT NULL, township_code text NOT NULL,
          village_code text NOT NULL, measure smallint NOT NULL, key int NOT NULL, date date NOT NULL, delta bigint NOT NULL);
        CREATE INDEX ix_ledger_entries_owner ON ledger_entries (owner_kind, owner_id);
        CREATE TABLE ledger_deltas (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, township_code text NOT NULL,
          measure smallint NOT NULL, key int NOT NULL, date date NOT NULL, delta bigint NOT NULL);
        -- Nearly empty between folds, but a fold deletes many rows at once: vacuumed early, read through an index.
        CREATE INDEX ix_ledger_deltas_township_date ON ledger_deltas (township_code, date);
        ALTER TABLE ledger_deltas SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0,
          autovacuum_analyze_threshold = 1000, autovacuum_analyze_scale_factor = 0);
        CREATE TABLE ledger_days (township_code text NOT NULL, measure smallint NOT NULL, key int NOT NULL, date date NOT NULL,
          delta bigint NOT NULL, PRIMARY KEY (township_code, measure, key, date));
        CREATE INDEX ix_ledger_days_township_date ON ledger_days (township_code, date);
        CREATE TABLE ledger_months (township_code text NOT NULL, measure smallint NOT NULL, key int NOT NULL, month date NOT NULL,
          flow bigint NOT NULL, closing bigint NOT NULL, PRIMARY KEY (township_code, measure, key, month));
        CREATE INDEX ix_ledger_months_township_month ON ledger_months (township_code, month) INCLUDE (measure, key, flow, closing);
        CREATE UNLOGGED TABLE ledger_pending (tx bigint NOT NULL, kind smallint NOT NULL, id bigint NOT NULL,
          PRIMARY KEY (tx, kind, id));
        CREATE UNLOGGED TABLE ledger_flush_marker (tx bigint PRIMARY KEY);
        """;

    /// <summary>The dated entries of persons: population and deaths from the history; the woman's stocks evaluated at every
    /// date her state can change (history, 15th and 50th birthdays, exemptions, contraceptive events, certificate); her
    /// births; her procedures.</summary>
    private static readonly string PersonEntries = $"""
        CREATE OR REPLACE FUNCTION ledger_person_entries(ids bigint[])
        RETURNS TABLE (owner_id bigint, township_code text, village_code text, measure smallint, key int, date date, delta bigint)
        LANGUAGE sql STABLE AS $fn$
        WITH
        hist AS (
          SELECT s.*, {InMigrant("s.residence")} AS inmig FROM person_events s WHERE s.person_id = ANY(ids)),
        pop AS (
          SELECT person_id, township_code::text t, village_code::text v, {M(Measure.Population)} m, CASE WHEN inmig THEN 1 ELSE 0 END k, date d, 1 x
          FROM hist WHERE present
          UNION ALL
          SELECT person_id, township_code, village_code, {M(Measure.Population)}, CASE WHEN inmig THEN 1 ELSE 0 END, valid_to, -1
          FROM hist WHERE present AND valid_to IS NOT NULL
          UNION ALL
          SELECT person_id, township_code, village_code, {M(Measure.Deaths)}, 0, date, 1
          FROM hist WHERE kind = {(int)PersonEventKind.Death} AND counts_as_death AND NOT inmig),
        f AS (
          SELECT p.id person_id, p.birth_date, p.sex, w.id woman_id, w.one_child_certificate cert, w.one_child_certificate_on cert_on
          FROM persons p LEFT JOIN women w ON w.person_id = p.id
          WHERE p.id = ANY(ids) AND (p.sex = {(int)Sex.Female} OR w.id IS NOT NULL)),
        bp AS (
          SELECT f.*, b.d FROM f CROSS JOIN LATERAL (
            SELECT s.date FROM person_events s WHERE s.person_id = f.person_id
            UNION SELECT s.valid_to FROM person_events s WHERE s.person_id = f.person_id AND s.valid_to IS NOT NULL
            UNION SELECT (f.birth_date + interval '15 years')::date
            UNION SELECT (f.birth_date + interval '15 years')::date + 1
            UNION SELECT (f.birth_date + interval '50 years')::date
            UNION SELECT (f.birth_date + interval '50 years')::date + 1
            UNION SELECT x."from" FROM woman_exemptions x WHERE x.woman_id = f.woman_id
            UNION SELECT x."to" FROM woman_exemptions x WHERE x.woman_id = f.woman_id AND x."to" IS NOT NULL
            UNION SELECT e.date FROM contraceptive_events e WHERE e.woman_id = f.woman_id
            UNION SELECT f.cert_on WHERE f.cert_on IS NOT NULL) b(d)),
        st AS (
          SELECT bp.person_id, bp.d, s.township_code::text t, s.village_code::text v,
            CASE WHEN bp.woman_id IS NOT NULL AND k.married THEN {M(Measure.MarriedWcba)}
                 WHEN bp.woman_id IS NULL AND k.married AND NOT k.inmig AND bp.sex = {(int)Sex.Female} THEN {M(Measure.UnregisteredMarriedWcba)}
            END AS ma,
            CASE WHEN bp.woman_id IS NOT NULL AND k.married
                 THEN {LedgerKeys.Woman(MethodCase("k.married"), "k.inmig", Exempt("bp.woman_id", "bp.d"))} ELSE 0 END AS ka,
            CASE WHEN s.person_id IS NOT NULL AND bp.woman_id IS NOT NULL AND a.wcba AND NOT k.inmig AND bp.cert IS NOT NULL
                      AND coalesce(bp.cert_on, bp.d) <= bp.d THEN {M(Measure.Certificates)} END AS mb
          FROM bp
          LEFT JOIN person_events s ON s.person_id = bp.person_id AND s.present AND {Holds("s", "bp.d")}
          CROSS JOIN LATERAL (SELECT {Wcba("bp.birth_date", "bp.d")} AS wcba) a
          CROSS JOIN LATERAL (SELECT s.person_id IS NOT NULL AND a.wcba AND {Married("s.marital_status")} AS married,
                                     coalesce({InMigrant("s.residence")}, false) AS inmig) k
          {MethodJoin("bp.woman_id", "bp.d", "k.married AND bp.woman_id IS NOT NULL")}),
        cls AS (
          SELECT person_id, d, 1 slot, CASE WHEN ma IS NOT NULL THEN t END t, CASE WHEN ma IS NOT NULL THEN v END v, ma m,
                 CASE WHEN ma IS NOT NULL THEN ka END k FROM st
          UNION ALL
          SELECT person_id, d, 2, CASE WHEN mb IS NOT NULL THEN t END, CASE WHEN mb IS NOT NULL THEN v END, mb,
                 CASE WHEN mb IS NOT NULL THEN 0 END FROM st),
        seq AS (
          SELECT cls.*, lag(t) OVER w pt, lag(v) OVER w pv, lag(m) OVER w pm, lag(k) OVER w pk
          FROM cls WINDOW w AS (PARTITION BY person_id, slot ORDER BY d)),
        stocks AS (
          SELECT person_id, t, v, m, k, d, 1 x FROM seq WHERE m IS NOT NULL AND ROW(t, v, m, k) IS DISTINCT FROM ROW(pt, pv, pm, pk)
          UNION ALL
          SELECT person_id, pt, pv, pm, pk, d, -1 FROM seq WHERE pm IS NOT NULL AND ROW(t, v, m, k) IS DISTINCT FROM ROW(pt, pv, pm, pk)),
        bb AS (
          SELECT mw.person_id, b.township_code::text t, b.village_code::text v, b.birth_date, b.reported_on,
                 {InMigrant("ms.residence")} AS inmig, b.sex, b.policy_status = {(int)PolicyStatus.Compliant} AS compliant, b.parity,
                 (SELECT count(*) FROM births b2 WHERE b2.delivery_id = b.delivery_id) > 1 AS twin,
                 {LedgerKeys.Lateness("b.reported_on", "b.birth_date", "mr.first_submitted_on")} AS late
          FROM births b
          JOIN women mw ON mw.id = b.mother_id
          JOIN person_events ms ON ms.person_id = mw.person_id AND {Holds("ms", "b.birth_date")}
          LEFT JOIN monthly_reports mr ON mr.township_code = b.township_code AND mr.month = date_trunc('month', b.birth_date)::date
          WHERE mw.person_id = ANY(ids)),
        births AS (
          SELECT person_id, t, v, {M(Measure.Births)} m, {LedgerKeys.Birth("inmig", "sex", "compliant", "parity", "twin")} k, birth_date d, 1 x FROM bb
          UNION ALL
          SELECT person_id, t, v, {M(Measure.BirthLateness)}, late, birth_date, 1 FROM bb WHERE NOT inmig
          UNION ALL
          SELECT person_id, t, v, {M(Measure.ReportedBirths)}, {LedgerKeys.EarlierYear("birth_date", "late")}, reported_on, 1
          FROM bb WHERE NOT inmig AND late <> 0),
        procs AS (
          SELECT w.person_id, e.township_code::text t, e.village_code::text v, {M(Measure.Procedures)} m, e.type k, e.date d, 1 x
          FROM contraceptive_events e JOIN women w ON w.id = e.woman_id
          WHERE w.person_id = ANY(ids) AND {IsProcedure("e.type")})
        SELECT person_id, t, v, m::smallint, k, d, sum(x)::bigint
        FROM (SELECT * FROM pop UNION ALL SELECT * FROM stocks UNION ALL SELECT * FROM births UNION ALL SELECT * FROM procs) e
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(x) <> 0
        $fn$;
        """;

    private static readonly string SubsidyEntries = $"""
        CREATE OR REPLACE FUNCTION ledger_beneficiary_entries(ids bigint[])
        RETURNS TABLE (owner_id bigint, township_code text, village_code text, measure smallint, key int, date date, delta bigint)
        LANGUAGE sql STABLE AS $fn$
        SELECT b.id, b.township_code::text, b.village_code::text, e.m::smallint, b.programme, e.d, sum(e.x)::bigint
        FROM beneficiaries b
        CROSS JOIN LATERAL (VALUES ({M(Measure.SubsidyActive)}, b.approved_on, 1), ({M(Measure.SubsidyActive)}, CASE WHEN b.exited_on IS NOT NULL THEN greatest(b.exited_on, b.approved_on) END, -1),
                                   ({M(Measure.SubsidyApproved)}, b.approved_on, 1), ({M(Measure.SubsidyExited)}, b.exited_on, 1)) e(m, d, x)
        WHERE b.id = ANY(ids) AND b.approved_on IS NOT NULL AND e.d IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(e.x) <> 0
        $fn$;

        CREATE OR REPLACE FUNCTION ledger_payment_entries(ids bigint[])
        RETURNS TABLE (owner_id bigint, township_code text, village_code text, measure smallint, key int, date date, delta bigint)
        LANGUAGE sql STABLE AS $fn$
        SELECT l.id, r.township_code::text, b.village_code::text, {M(Measure.SubsidyPaidFen)}::smallint, l.programme, u.month,
               sum(round(u.amount * 100))::bigint
        FROM payment_lines l JOIN payment_runs r ON r.id = l.run_id JOIN beneficiaries b ON b.id = l.beneficiary_id
        CROSS JOIN LATERAL unnest(l.paid_months, l.month_amounts) AS u(month, amount)
        WHERE l.id = ANY(ids)
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(round(u.amount * 100)) <> 0
        $fn$;
        """;

    /// <summary>Recompute owners and append the difference; owners are locked (sorted) so two transactions touching the
    /// same owner take turns, and the second sees the first's committed rows.</summary>
    private static readonly string Refresh = $"""
        CREATE OR REPLACE FUNCTION ledger_refresh(k smallint, ids bigint[]) RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
          IF cardinality(ids) > 1000 THEN
            PERFORM pg_advisory_xact_lock({AllOwnersLock});
          ELSE
            PERFORM pg_advisory_xact_lock_shared({AllOwnersLock});
            PERFORM pg_advisory_xact_lock((k::bigint << 40) + i) FROM (SELECT DISTINCT i FROM unnest(ids) i ORDER BY i) o;
          END IF;
          WITH fresh AS (
            SELECT * FROM ledger_person_entries(ids) WHERE k = {PersonOwner}
            UNION ALL SELECT * FROM ledger_beneficiary_entries(ids) WHERE k = {BeneficiaryOwner}
            UNION ALL SELECT * FROM ledger_payment_entries(ids) WHERE k = {PaymentLineOwner}),
          gone AS (
            DELETE FROM ledger_entries e WHERE e.owner_kind = k AND e.owner_id = ANY(ids)
            RETURNING e.township_code, e.measure, e.key, e.date, e.delta),
          kept AS (
            INSERT INTO ledger_entries (owner_kind, owner_id, township_code, village_code, measure, key, date, delta)
            SELECT k, f.owner_id, f.township_code, f.village_code, f.measure, f.key, f.date, f.delta FROM fresh f)
          INSERT INTO ledger_deltas (township_code, measure, key, date, delta)
          SELECT c.township_code, c.measure, c.key, c.date, sum(c.delta)
          FROM (SELECT f.township_code, f.measure, f.key, f.date, f.delta FROM fresh f
                UNION ALL SELECT g.township_code, g.measure, g.key, g.date, -g.delta FROM gone g) c
          GROUP BY 1, 2, 3, 4 HAVING sum(c.delta) <> 0;
        END $fn$;

        CREATE OR REPLACE FUNCTION ledger_note(k smallint, ids bigint[]) RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
          INSERT INTO ledger_pending SELECT txid_current(), k, i FROM unnest(ids) i WHERE i IS NOT NULL ON CONFLICT DO NOTHING;
          INSERT INTO ledger_flush_marker VALUES (txid_current()) ON CONFLICT DO NOTHING;
        END $fn$;

        CREATE OR REPLACE FUNCTION ledger_flush() RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE kk smallint; owners bigint[];
        BEGIN
          DELETE FROM ledger_flush_marker WHERE tx = txid_current();
          FOR kk IN SELECT DISTINCT kind FROM ledger_pending WHERE tx = txid_current() ORDER BY 1 LOOP
            WITH d AS (DELETE FROM ledger_pending WHERE tx = txid_current() AND kind = kk RETURNING id)
            SELECT array_agg(id ORDER BY id) INTO owners FROM d;
            PERFORM ledger_refresh(kk, owners);
          END LOOP;
        END $fn$;

        CREATE OR REPLACE FUNCTION ledger_flush_at_commit() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN PERFORM ledger_flush(); RETURN NULL; END $fn$;
        DROP TRIGGER IF EXISTS ledger_flush_at_commit ON ledger_flush_marker;
        CREATE CONSTRAINT TRIGGER ledger_flush_at_commit AFTER INSERT ON ledger_flush_marker
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_flush_at_commit();
        """;

    /// <summary>Which owners a statement on a register table touched: (table, owner kind, owners of rows <c>r</c>).</summary>
    private static readonly (string Table, short Kind, string Owners)[] Tracked =
    [
        ("persons", PersonOwner, "SELECT r.id FROM {0} r"),
        ("person_events", PersonOwner, "SELECT r.person_id FROM {0} r"),
        ("women", PersonOwner, "SELECT r.person_id FROM {0} r"),
        ("woman_exemptions", PersonOwner, "SELECT w.person_id FROM {0} r JOIN women w ON w.id = r.woman_id"),
        ("contraceptive_events", PersonOwner, "SELECT w.person_id FROM {0} r JOIN women w ON w.id = r.woman_id"),
        ("births", PersonOwner, "SELECT w.person_id FROM {0} r JOIN women w ON w.id = r.mother_id"),
        // A month's first submission decides which of its births were reported late.
        ("monthly_reports", PersonOwner, """
            SELECT w.person_id FROM {0} r
            JOIN births b ON b.township_code = r.township_code AND b.birth_date >= r.month AND b.birth_date < r.month + interval '1 month'
            JOIN women w ON w.id = b.mother_id
            """),
        ("beneficiaries", BeneficiaryOwner, "SELECT r.id FROM {0} r"),
        ("payment_lines", PaymentLineOwner, "SELECT r.id FROM {0} r"),
        ("payment_runs", PaymentLineOwner, "SELECT l.id FROM {0} r JOIN payment_lines l ON l.run_id = r.id"),
    ];

    private static string Track((string Table, short Kind, string Owners) t) => $"""
        CREATE OR REPLACE FUNCTION ledger_track_{t.Table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM ledger_note({t.Kind}::smallint, ARRAY({string.Format(t.Owners, "new_rows")}));
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            PERFORM ledger_note({t.Kind}::smallint, ARRAY({string.Format(t.Owners, "old_rows")}));
          END IF;
          RETURN NULL;
        END $fn$;
        DROP TRIGGER IF EXISTS ledger_insert ON {t.Table};
        DROP TRIGGER IF EXISTS ledger_update ON {t.Table};
        DROP TRIGGER IF EXISTS ledger_delete ON {t.Table};
        CREATE TRIGGER ledger_insert AFTER INSERT ON {t.Table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ledger_track_{t.Table}();
        CREATE TRIGGER ledger_update AFTER UPDATE ON {t.Table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ledger_track_{t.Table}();
        CREATE TRIGGER ledger_delete AFTER DELETE ON {t.Table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ledger_track_{t.Table}();
        """;

    /// <summary>Moves the committed deltas into daily and monthly sums (one folder at a time; returns −1 when another is
    /// folding). Monthly rows keep a running total (<c>closing</c>) for stocks, recomputed for the township, measure and key
    /// a batch touched.</summary>
    private static readonly string Fold = $"""
        CREATE OR REPLACE FUNCTION ledger_fold() RETURNS bigint LANGUAGE plpgsql AS $fn$
        DECLARE n bigint;
        BEGIN
          IF NOT pg_try_advisory_xact_lock({FoldLock}) THEN RETURN -1; END IF;
          CREATE TEMP TABLE IF NOT EXISTS ledger_batch (township_code text, measure smallint, key int, date date, delta bigint)
            ON COMMIT DELETE ROWS;
          CREATE TEMP TABLE IF NOT EXISTS ledger_batch_months (township_code text, measure smallint, key int, month date, delta bigint)
            ON COMMIT DELETE ROWS;
          TRUNCATE ledger_batch, ledger_batch_months;
          WITH moved AS (DELETE FROM ledger_deltas RETURNING township_code, measure, key, date, delta)
          INSERT INTO ledger_batch SELECT township_code, measure, key, date, sum(delta) FROM moved GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0;
          GET DIAGNOSTICS n = ROW_COUNT;
          IF n = 0 THEN RETURN 0; END IF;
          INSERT INTO ledger_days AS d (township_code, measure, key, date, delta)
          SELECT township_code, measure, key, date, delta FROM ledger_batch WHERE date >= {EpochSql}
          ON CONFLICT (township_code, measure, key, date) DO UPDATE SET delta = d.delta + excluded.delta;
          INSERT INTO ledger_batch_months
          SELECT township_code, measure, key, greatest(date_trunc('month', date)::date, {OpeningMonthSql}), sum(delta)
          FROM ledger_batch GROUP BY 1, 2, 3, 4;
          INSERT INTO ledger_months AS m (township_code, measure, key, month, flow, closing)
          SELECT township_code, measure, key, month, delta, 0 FROM ledger_batch_months
          ON CONFLICT (township_code, measure, key, month) DO UPDATE SET flow = m.flow + excluded.flow;
          -- Every month of a stock touched has a row up to the horizon, then their running totals are recomputed (linear in
          -- their rows, whatever the batch).
          INSERT INTO ledger_months (township_code, measure, key, month, flow, closing)
          SELECT c.township_code, c.measure, c.key, g.month::date, 0, 0
          FROM (SELECT DISTINCT township_code, measure, key FROM ledger_batch_months WHERE measure IN ({Measures.Sql(Measures.Stocks)})) c
          CROSS JOIN generate_series({OpeningMonthSql}, {HorizonSql}, interval '1 month') g(month)
          ON CONFLICT DO NOTHING;
          UPDATE ledger_months m SET closing = x.c
          FROM (SELECT t.township_code, t.measure, t.key, t.month,
                       sum(t.flow) OVER (PARTITION BY t.township_code, t.measure, t.key ORDER BY t.month) AS c
                FROM ledger_months t
                WHERE (t.township_code, t.measure, t.key) IN (
                  SELECT DISTINCT township_code, measure, key FROM ledger_batch_months WHERE measure IN ({Measures.Sql(Measures.Stocks)}))) x
          WHERE m.township_code = x.township_code AND m.measure = x.measure AND m.key = x.key AND m.month = x.month
            AND m.closing <> x.c;
          RETURN n;
        END $fn$;
        """;

    /// <summary>Rebuilds the whole ledger set-based from the registers (after a restore, a TRUNCATE or a repair).</summary>
    private static readonly string Rebuild = $"""
        CREATE OR REPLACE FUNCTION ledger_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
        DECLARE n bigint;
        BEGIN
          PERFORM pg_advisory_xact_lock({AllOwnersLock});
          PERFORM pg_advisory_xact_lock({FoldLock});
          DELETE FROM ledger_pending WHERE tx = txid_current();
          TRUNCATE ledger_entries, ledger_deltas, ledger_days, ledger_months;
          INSERT INTO ledger_entries
          SELECT {PersonOwner}, * FROM ledger_person_entries(ARRAY(SELECT id FROM persons))
          UNION ALL SELECT {BeneficiaryOwner}, * FROM ledger_beneficiary_entries(ARRAY(SELECT id FROM beneficiaries))
          UNION ALL SELECT {PaymentLineOwner}, * FROM ledger_payment_entries(ARRAY(SELECT id FROM payment_lines));
          GET DIAGNOSTICS n = ROW_COUNT;
          INSERT INTO ledger_deltas (township_code, measure, key, date, delta)
          SELECT township_code, measure, key, date, sum(delta) FROM ledger_entries GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0;
          PERFORM ledger_fold();
          RETURN n;
        END $fn$;
        """;

    /// <summary>Every function and trigger (idempotent: a later migration that changes a definition runs it again).</summary>
    public static string Install => string.Join("\n",
        [PersonEntries, SubsidyEntries, Refresh, .. Tracked.Select(Track), Fold, Rebuild]);
}
