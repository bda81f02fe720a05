using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Indicators;

/// <summary>
/// The SQL definitions of "who counts on a date", written once and used by both the register scan
/// (<see cref="IndicatorQuery"/>, the oracle) and the ledger (<see cref="Ledger.LedgerSql"/>): they then differ only in
/// their bookkeeping (dates, deltas, folding), which is what <c>verify-ledger</c> and the tests check. Enum values are
/// interpolated, never written as numbers. docs/domain.md gives the definitions in words.
/// </summary>
public static class IndicatorSql
{
    /// <summary>A person's state (a <c>person_events</c> row <paramref name="s"/>) holds on <paramref name="on"/>.</summary>
    public static string Holds(string s, string on) => $"{s}.date <= {on} AND ({s}.valid_to IS NULL OR {s}.valid_to > {on})";

    /// <summary>A person born on <paramref name="birth"/> is of childbearing age (15–49) on <paramref name="on"/>.</summary>
    public static string Wcba(string birth, string on) =>
        $"({birth} > ({on} - interval '50 years')::date AND {birth} <= ({on} - interval '15 years')::date)";

    public static string Married(string maritalStatus) =>
        $"{maritalStatus} IN ({(int)MaritalStatus.FirstMarriage}, {(int)MaritalStatus.Remarried})";

    public static string InMigrant(string residence) => $"{residence} = {(int)Residence.InMigrant}";

    /// <summary>A 孕期/不孕/绝经 exemption of woman <paramref name="woman"/> holds on <paramref name="on"/>.</summary>
    public static string Exempt(string woman, string on) => $"""
        EXISTS (SELECT 1 FROM woman_exemptions x WHERE x.woman_id = {woman}
                AND x.reason IN ({(int)Exemption.Infertile}, {(int)Exemption.Menopause}, {(int)Exemption.Pregnant})
                AND x."from" <= {on} AND (x."to" IS NULL OR x."to" > {on}))
        """;

    /// <summary>Contraceptive event types that are procedures (四术 and device removals), not ongoing methods.</summary>
    public static string IsProcedure(string type) => $"{type} < {(int)ContraceptiveType.Pill}";

    /// <summary>
    /// A lateral join (alias <c>m</c>) over woman <paramref name="woman"/>'s contraceptive events on or before
    /// <paramref name="on"/>, evaluated only when <paramref name="when"/>; <see cref="MethodCase"/> reads it. Events are
    /// ordered by date and <see cref="Methods.SameDayOrder"/> (the key), so a same-day replacement leaves a device in place.
    /// </summary>
    public static string MethodJoin(string woman, string on, string when) => $"""
        LEFT JOIN LATERAL (
          SELECT max(e.date) FILTER (WHERE e.type = {(int)ContraceptiveType.TubalLigation}) fs,
                 max(e.date) FILTER (WHERE e.type = {(int)ContraceptiveType.Vasectomy}) ms,
                 max(o.key) FILTER (WHERE e.type = {(int)ContraceptiveType.IudInsertion}) iud_in,
                 max(o.key) FILTER (WHERE e.type = {(int)ContraceptiveType.IudRemoval}) iud_out,
                 max(o.key) FILTER (WHERE e.type = {(int)ContraceptiveType.ImplantInsertion}) imp_in,
                 max(o.key) FILTER (WHERE e.type = {(int)ContraceptiveType.ImplantRemoval}) imp_out,
                 max(o.key) FILTER (WHERE e.type BETWEEN {(int)ContraceptiveType.Pill} AND {(int)ContraceptiveType.OtherMethod}) ong,
                 max(o.key) FILTER (WHERE e.type IN ({(int)ContraceptiveType.MethodStopped}, {(int)ContraceptiveType.IudInsertion}, {(int)ContraceptiveType.ImplantInsertion})) ong_end,
                 (array_agg(e.type ORDER BY o.key DESC, e.id DESC)
                    FILTER (WHERE e.type BETWEEN {(int)ContraceptiveType.Pill} AND {(int)ContraceptiveType.OtherMethod}))[1] ong_type
          FROM contraceptive_events e
          CROSS JOIN LATERAL (SELECT (e.date - DATE '1900-01-01') * 4 + CASE
                WHEN e.type IN ({(int)ContraceptiveType.IudRemoval}, {(int)ContraceptiveType.ImplantRemoval}, {(int)ContraceptiveType.MethodStopped}) THEN {Methods.SameDayOrder(ContraceptiveType.IudRemoval)}
                WHEN e.type BETWEEN {(int)ContraceptiveType.Pill} AND {(int)ContraceptiveType.OtherMethod} THEN {Methods.SameDayOrder(ContraceptiveType.Pill)}
                ELSE {Methods.SameDayOrder(ContraceptiveType.IudInsertion)} END AS key) o
          WHERE e.woman_id = {woman} AND e.date <= {on} AND {when}) m ON true
        """;

    /// <summary>The <see cref="Method"/> in effect from <see cref="MethodJoin"/>, by the precedence of
    /// <see cref="Methods.InEffect"/>; <see cref="Method.None"/> unless <paramref name="when"/>.</summary>
    public static string MethodCase(string when) => $"""
        CASE WHEN NOT ({when}) THEN {(int)Method.None}
             WHEN m.fs IS NOT NULL THEN {(int)Method.FemaleSterilisation}
             WHEN m.ms IS NOT NULL THEN {(int)Method.MaleSterilisation}
             WHEN m.iud_in > coalesce(m.iud_out, -1) THEN {(int)Method.Iud}
             WHEN m.imp_in > coalesce(m.imp_out, -1) THEN {(int)Method.Implant}
             WHEN m.ong > coalesce(m.ong_end, -1) THEN CASE m.ong_type
                  WHEN {(int)ContraceptiveType.Condom} THEN {(int)Method.Condom}
                  WHEN {(int)ContraceptiveType.Topical} THEN {(int)Method.Topical}
                  WHEN {(int)ContraceptiveType.OtherMethod} THEN {(int)Method.Other}
                  ELSE {(int)Method.PillOrInjection} END
             ELSE {(int)Method.None} END
        """;
}
