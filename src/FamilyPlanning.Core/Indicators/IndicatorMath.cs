namespace FamilyPlanning.Core.Indicators;

/// <summary>
/// The arithmetic of every rate: rounded half away from zero to its decimals, and no value (shown "—") when the denominator
/// is zero. Period rates are not annualised. The indicators themselves are declared in <see cref="Catalogue"/>.
/// </summary>
public static class IndicatorMath
{
    public static decimal? Rate(decimal numerator, decimal denominator, decimal scale, int decimals) =>
        denominator == 0 ? null : Math.Round(numerator / denominator * scale, decimals, MidpointRounding.AwayFromZero);

    public static List<Figure> Compute(IndicatorCounts c, Target? target, bool excludeExempt, decimal? elapsedShareOfYear = null) =>
        Catalogue.Evaluate(new FigureInputs(c, target, excludeExempt, elapsedShareOfYear));
}
