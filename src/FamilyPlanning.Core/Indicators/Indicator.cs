using System.Globalization;

namespace FamilyPlanning.Core.Indicators;

/// <summary>A unit of measure of a figure. (An administrative unit, a township or the county, is an "area" in the code.)</summary>
public enum Unit { Count, PerMille, Percent, Ratio, Abortion, Yuan }

/// <summary>Which way a change is good news: the dashboard colours a change from last year by it.</summary>
public enum Direction { Neutral, HigherIsBetter, LowerIsBetter }

/// <summary>What every indicator is computed from: one unit's counts for a period, its target for the year, the
/// prevalence setting and how much of the target year has passed (for the pace flag; none for last year's).</summary>
public sealed record FigureInputs(IndicatorCounts Counts, Target? Target, bool ExcludeExempt, decimal? ElapsedShareOfYear)
{
    public decimal AveragePopulation => (Counts.PopulationStart + Counts.PopulationEnd) / 2m;
    public long Sterilisations => Counts.Procedure(Contraception.ContraceptiveType.TubalLigation) + Counts.Procedure(Contraception.ContraceptiveType.Vasectomy);
    public long FourProcedures => Sterilisations + Counts.Procedure(Contraception.ContraceptiveType.IudInsertion)
        + Counts.Procedure(Contraception.ContraceptiveType.Abortion) + Counts.Procedure(Contraception.ContraceptiveType.InducedLabour);
}

/// <summary>
/// One indicator, declared once in <see cref="Catalogue"/>: its API key, Chinese name, unit of measure, good direction,
/// numerator and (for a rate) denominator and scale, and the rule that flags it. A rate is rounded half away from zero to
/// its unit's decimals (% and ‰ to 2, the sex ratio to 1) and has no value — shown "—" — when the denominator is zero.
/// </summary>
public sealed class Indicator(string key, string name, Unit unit, Direction direction, Func<FigureInputs, decimal?> numerator,
    Func<FigureInputs, decimal?>? denominator = null, decimal scale = 1, Func<FigureInputs, decimal?, string?>? flag = null)
{
    public string Key { get; } = key;
    public string Name { get; } = name;
    public Unit Unit { get; } = unit;
    public Direction Direction { get; } = direction;
    public bool IsRate => denominator is not null;

    public int Decimals => Unit switch { Unit.Percent or Unit.PerMille or Unit.Abortion => 2, Unit.Ratio => 1, _ => 0 };

    public Figure Evaluate(FigureInputs x)
    {
        var value = denominator is null ? numerator(x)
            : numerator(x) is { } n && denominator(x) is { } d ? IndicatorMath.Rate(n, d, scale, Decimals) : null;
        return new Figure(this, value, flag?.Invoke(x, value));
    }

    public override string ToString() => Key;
}

/// <summary>One indicator's value for one area and period, and its flag when it needs a look.</summary>
public sealed record Figure(Indicator Indicator, decimal? Value, string? Flag = null)
{
    public string Key => Indicator.Key;
    public string Name => Indicator.Name;
    public Unit Unit => Indicator.Unit;
    public string Text => Format(Value, Unit);

    public static string Format(decimal? value, Unit unit) => value is not { } v ? "—" : unit switch
    {
        Unit.PerMille => v.ToString("F2", CultureInfo.InvariantCulture) + "‰",
        Unit.Percent => v.ToString("F2", CultureInfo.InvariantCulture) + "%",
        Unit.Ratio => v.ToString("F1", CultureInfo.InvariantCulture),
        Unit.Abortion => "100:" + v.ToString("F2", CultureInfo.InvariantCulture),
        Unit.Yuan => v.ToString("N2", CultureInfo.InvariantCulture) + "元",
        _ => v == decimal.Truncate(v) ? v.ToString("F0", CultureInfo.InvariantCulture) : v.ToString("F1", CultureInfo.InvariantCulture),
    };

    /// <summary>A change from last year at the indicator's own precision: percentages in 个百分点, per-mille rates in 个千分点,
    /// the abortion ratio's x in 100:x to 2 decimals, the sex ratio to 1, counts as counts.</summary>
    public static string FormatChange(decimal change, Unit unit) => unit switch
    {
        Unit.Percent => change.ToString("F2", CultureInfo.InvariantCulture) + "个百分点",
        Unit.PerMille => change.ToString("F2", CultureInfo.InvariantCulture) + "个千分点",
        Unit.Abortion => change.ToString("F2", CultureInfo.InvariantCulture),
        _ => Format(change, unit),
    };

    /// <summary>"good", "bad" or "neutral" for a change of <paramref name="change"/> (the dashboard's colour).</summary>
    public string Judge(decimal change) => change == 0 || Indicator.Direction == Direction.Neutral ? "neutral"
        : (change > 0) == (Indicator.Direction == Direction.HigherIsBetter) ? "good" : "bad";
}
