using System.Globalization;
using System.Text.RegularExpressions;
using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.Indicators;

/// <summary>
/// A reporting period, inclusive at both ends. Parsed from 2026 (year), 2026H1/2026H2 (half-years), 2026Q1..Q4, 2026-05
/// (month) or a custom range. Years, halves and quarters follow the statistical year: with a year start in October,
/// 2026 is 2025-10-01 – 2026-09-30 and 2026H1 is 2025-10-01 – 2026-03-31 (docs/domain.md §3).
/// </summary>
public sealed partial record Period(DateOnly From, DateOnly To, string Code, string Name)
{
    public Period SameLastYear() => new(From.AddYears(-1), To.AddYears(-1), Code + "-1", "上年同期");

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Months in the period, each as its first day.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) yield return m;
    }

    public const int MinYear = 1980, MaxYear = 2100;

    /// <summary>A year the portal reports on (1980–2100); anything else is refused by name.</summary>
    public static int CheckYear(int year, string field = "year") =>
        year is < MinYear or > MaxYear ? throw new RuleViolation(field, $"年份应在{MinYear}–{MaxYear}之间") : year;

    public static Period Parse(string? code, int yearStartMonth, DateOnly? from = null, DateOnly? to = null)
    {
        if (from is { } f && to is { } t)
        {
            if (t < f) throw new RuleViolation("to", "结束日期不能早于开始日期");
            CheckYear(f.Year, "from");
            CheckYear(t.Year, "to");
            return new Period(f, t, $"{f:yyyy-MM-dd}_{t:yyyy-MM-dd}", $"{f:yyyy年M月d日}至{t:yyyy年M月d日}");
        }
        var m = Pattern().Match(code?.Trim() ?? "");
        if (!m.Success) throw new RuleViolation("period", "期间格式应为 2026、2026H1、2026Q2、2026-05，或给出开始和结束日期");
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        CheckYear(year, "period");
        var yearStart = new DateOnly(yearStartMonth == 1 ? year : year - 1, yearStartMonth, 1);
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) throw new RuleViolation("period", "月份应为 01–12");
            var start = new DateOnly(year, month, 1);
            return new Period(start, start.AddMonths(1).AddDays(-1), code!.Trim(), $"{year}年{month}月");
        }
        var upper = code!.Trim().ToUpperInvariant();
        if (m.Groups["h"].Success)
        {
            var half = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var start = yearStart.AddMonths(6 * (half - 1));
            return new Period(start, start.AddMonths(6).AddDays(-1), upper, $"{year}年{(half == 1 ? "上" : "下")}半年");
        }
        if (m.Groups["q"].Success)
        {
            var q = int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture);
            var start = yearStart.AddMonths(3 * (q - 1));
            return new Period(start, start.AddMonths(3).AddDays(-1), upper, $"{year}年第{"一二三四"[q - 1]}季度");
        }
        return new Period(yearStart, yearStart.AddYears(1).AddDays(-1), upper, $"{year}年");
    }

    /// <summary>The half-year containing the date, as a code (the dashboard's default).</summary>
    /// <summary>The (statistical) year a date belongs to: with an October year start, 2025-10-01 … 2026-09-30 is 2026.</summary>
    public static int YearOf(DateOnly date, int yearStartMonth) => date.AddMonths((13 - yearStartMonth) % 12).Year;

    /// <summary>The first day of the (statistical) year <paramref name="year"/>.</summary>
    public static DateOnly YearStart(int year, int yearStartMonth) =>
        yearStartMonth == 1 ? new DateOnly(year, 1, 1) : new DateOnly(year - 1, yearStartMonth, 1);

    public static string CurrentHalf(DateOnly today, int yearStartMonth)
    {
        var shifted = today.AddMonths(-(yearStartMonth - 1));
        var year = yearStartMonth == 1 ? today.Year : shifted.Year + 1;
        return $"{year}H{(shifted.Month <= 6 ? 1 : 2)}";
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:H(?<h>[12])|Q(?<q>[1-4])|-(?<m>\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
