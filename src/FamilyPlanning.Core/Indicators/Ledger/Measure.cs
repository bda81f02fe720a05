using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Indicators.Ledger;

/// <summary>
/// What a ledger row counts. A stock (population, married WCBA, …) is +1 on the day a person enters the count and −1 on
/// the day they leave it, so its value on a date is the sum of everything up to that date; a flow (births, deaths,
/// procedures, …) is +1 on the day it happens, read as the sum over a period. Each measure has a small integer key
/// (residence, method, programme, …) described on its member. Stored as smallint: never renumber.
/// </summary>
public enum Measure : short
{
    /// <summary>Stock. Present persons by residence: key 0 户籍, 1 流入.</summary>
    Population = 1,
    /// <summary>Flow. Deaths of 户籍 persons present before. Key 0.</summary>
    Deaths = 2,
    /// <summary>Stock. Married women 15–49 with a 育龄妇女 record: key <see cref="LedgerKeys.Woman"/> (method, 流入, exempt).</summary>
    MarriedWcba = 3,
    /// <summary>Stock. 户籍 women 15–49 holding a 独生子女父母光荣证. Key 0.</summary>
    Certificates = 4,
    /// <summary>Stock. Married 户籍 women 15–49 with no 育龄妇女 record (a data-quality count). Key 0.</summary>
    UnregisteredMarriedWcba = 5,
    /// <summary>Flow on the birth date. Key <see cref="LedgerKeys.Birth"/> (mother 流入, sex, compliant, parity, twin).</summary>
    Births = 6,
    /// <summary>Flow on the birth date, 户籍 mothers' births: key <see cref="LedgerKeys.Lateness"/>.</summary>
    BirthLateness = 7,
    /// <summary>Flow on the report date, 户籍 mothers' births that may be late: key
    /// <see cref="LedgerKeys.EarlierYear"/> (birth month, lateness), read as 往年出生未报.</summary>
    ReportedBirths = 8,
    /// <summary>Flow. Procedures (四术 and removals) by <see cref="ContraceptiveType"/>.</summary>
    Procedures = 9,
    /// <summary>Stock. Approved subsidy beneficiaries not yet exited, by programme.</summary>
    SubsidyActive = 10,
    /// <summary>Flow on the approval date, by programme.</summary>
    SubsidyApproved = 11,
    /// <summary>Flow on the exit date, by programme.</summary>
    SubsidyExited = 12,
    /// <summary>Flow. Amounts paid for each month, in fen, by programme.</summary>
    SubsidyPaidFen = 13,
}

public static class Measures
{
    public static readonly Measure[] Stocks =
        [Measure.Population, Measure.MarriedWcba, Measure.Certificates, Measure.UnregisteredMarriedWcba, Measure.SubsidyActive];

    public static readonly Measure[] Flows = Enum.GetValues<Measure>().Except(Stocks).ToArray();

    public static bool IsStock(Measure m) => Stocks.Contains(m);

    /// <summary>A SQL list of the measures, for <c>IN (…)</c>.</summary>
    public static string Sql(IEnumerable<Measure> ms) => string.Join(", ", ms.Select(m => (int)m));
}

/// <summary>How the keys of <see cref="Measure"/> are made (in SQL, <see cref="LedgerSql"/>) and read back (here).</summary>
public static class LedgerKeys
{
    /// <summary>Married WCBA: method × 4 + (流入 ? 2 : 0) + (exempt ? 1 : 0).</summary>
    public static string Woman(string method, string inMigrant, string exempt) =>
        $"({method}) * 4 + CASE WHEN {inMigrant} THEN 2 ELSE 0 END + CASE WHEN {exempt} THEN 1 ELSE 0 END";

    public static (Method Method, bool InMigrant, bool Exempt) ReadWoman(int key) => ((Method)(key / 4), (key & 2) != 0, (key & 1) != 0);

    /// <summary>Births: ((((流入 × 2 + girl) × 2 + compliant) × 4 + parity index) × 2 + twin); parity index 0 = 一孩, 1 = 二孩,
    /// 2 = 多孩, 3 = none of these.</summary>
    public static string Birth(string inMigrant, string sex, string compliant, string parity, string twin) => $"""
        ((((CASE WHEN {inMigrant} THEN 1 ELSE 0 END * 2 + CASE WHEN {sex} = {(int)Sex.Female} THEN 1 ELSE 0 END) * 2
          + CASE WHEN {compliant} THEN 1 ELSE 0 END) * 4
          + CASE WHEN {parity} = 1 THEN 0 WHEN {parity} = 2 THEN 1 WHEN {parity} >= 3 THEN 2 ELSE 3 END) * 2
          + CASE WHEN {twin} THEN 1 ELSE 0 END)
        """;

    public readonly record struct BirthKey(bool InMigrant, bool Girl, bool Compliant, int ParityIndex, bool Twin);

    public static BirthKey ReadBirth(int key) =>
        new((key >> 5 & 1) != 0, (key >> 4 & 1) != 0, (key >> 3 & 1) != 0, key >> 1 & 3, (key & 1) != 0);

    /// <summary>
    /// Lateness of a birth's report, independent of the deadline setting: 0 = its month was submitted and the birth reported
    /// by then; 1 = reported after the month's first submission; 2 + 1 + d = the month not yet submitted and the report made
    /// d days after the 1st of the next month (d clamped to −1…40; the deadline day is 1…28).
    /// </summary>
    public static string Lateness(string reportedOn, string birthDate, string firstSubmittedOn) => $"""
        CASE WHEN {firstSubmittedOn} IS NOT NULL THEN CASE WHEN {reportedOn} > {firstSubmittedOn} THEN 1 ELSE 0 END
             ELSE 3 + least(greatest({reportedOn} - (date_trunc('month', {birthDate}) + interval '1 month')::date, -1), 40) END
        """;

    /// <summary>Whether a lateness key is late for a deadline day: reported after the deadline date (the next month's
    /// <paramref name="deadlineDay"/>th) or, once submitted, after the first submission.</summary>
    public static bool IsLate(int lateness, int deadlineDay) => lateness == 1 || (lateness >= 2 && lateness - 3 >= deadlineDay);

    /// <summary>Reported births: birth month index (year × 12 + month − 1) × 64 + lateness.</summary>
    public static string EarlierYear(string birthDate, string lateness) =>
        $"((extract(year FROM {birthDate})::int * 12 + extract(month FROM {birthDate})::int - 1) * 64 + {lateness})";

    public static (int MonthIndex, int Lateness) ReadEarlierYear(int key) => (key / 64, key % 64);

    public static int MonthIndex(DateOnly d) => d.Year * 12 + d.Month - 1;
}
