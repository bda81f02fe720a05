using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Indicators;

namespace FamilyPlanning.Core.Tests.Indicators;

public class IndicatorMathTests
{
    private static Dictionary<string, Figure> Of(IndicatorCounts c, Target? t = null, bool excludeExempt = true) =>
        IndicatorMath.Compute(c, t, excludeExempt).ToDictionary(f => f.Key);

    [Fact]
    public void WorkedChecks_FromDomain()
    {
        // 57 boys + 53 girls → 107.5; 140 compliant of 164 → 85.37%; 8‰ − 5‰ → 3‰ (200 births, 125 deaths, 25 000 people).
        Assert.Equal("107.5", Of(new IndicatorCounts { Boys = 57, Girls = 53, Births = 110 })["sex_ratio"].Text);
        Assert.Equal("85.37%", Of(new IndicatorCounts { Births = 164, Compliant = 140 })["planned_birth_rate"].Text);
        Assert.Equal("92.73%", Of(new IndicatorCounts { Births = 110, Compliant = 102 })["planned_birth_rate"].Text);
        var f = Of(new IndicatorCounts { PopulationStart = 25_000, PopulationEnd = 25_000, Births = 200, Deaths = 125 });
        Assert.Equal(("8.00‰", "5.00‰", "3.00‰"), (f["birth_rate"].Text, f["death_rate"].Text, f["natural_growth_rate"].Text));
    }

    [Fact]
    public void PeriodRates_UseTheAveragePopulationAndAreNotAnnualised()
    {
        // 164 births in a half-year, 20 300 → 20 510 people: 164 ÷ 20 405 × 1000 = 8.037…‰ → 8.04‰.
        var f = Of(new IndicatorCounts { PopulationStart = 20_300, PopulationEnd = 20_510, Births = 164 });
        Assert.Equal(20_405m, f["average_population"].Value);
        Assert.Equal("8.04‰", f["birth_rate"].Text);
        // 436 ÷ 57 727 × 1000 = 7.5528‰; odd sums average to a half.
        Assert.Equal("7.55‰", Of(new IndicatorCounts { PopulationStart = 57_727, PopulationEnd = 57_727, Births = 436 })["birth_rate"].Text);
        Assert.Equal("57727.5", Of(new IndicatorCounts { PopulationStart = 57_727, PopulationEnd = 57_728 })["average_population"].Text);
    }

    [Fact]
    public void EmptyDenominators_ShowADash()
    {
        var f = Of(new IndicatorCounts());
        foreach (var key in new[] { "birth_rate", "death_rate", "natural_growth_rate", "planned_birth_rate", "second_child_compliance",
                     "first_child_share", "out_of_policy_multi_rate", "sex_ratio", "contraceptive_prevalence", "abortion_ratio",
                     "four_procedures_completion", "birth_target_share" })
        {
            Assert.Null(f[key].Value);
            Assert.Equal("—", f[key].Text);
        }
    }

    [Fact]
    public void Rounding_IsHalfAwayFromZero()
    {
        Assert.Equal(0.13m, IndicatorMath.Rate(1, 800, 100, 2));      // 0.125 → 0.13
        Assert.Equal(102.5m, IndicatorMath.Rate(41, 40, 100, 1));      // 102.5 stays
        Assert.Equal(66.67m, IndicatorMath.Rate(2, 3, 100, 2));
    }

    [Fact]
    public void Parity_Shares_SecondChildCompliance_AndOutOfPolicyMulti()
    {
        var c = new IndicatorCounts { Births = 20, ByParity = [9, 8, 3], CompliantByParity = [9, 7, 1], Compliant = 17 };
        var f = Of(c);
        Assert.Equal(("45.00%", "40.00%", "15.00%"), (f["first_child_share"].Text, f["second_child_share"].Text, f["multi_child_share"].Text));
        Assert.Equal("87.50%", f["second_child_compliance"].Text);
        Assert.Equal("10.00%", f["out_of_policy_multi_rate"].Text);
    }

    [Fact]
    public void SexRatioFlag_OnlyOutside103To107AndOnlyFrom100Births()
    {
        Assert.Null(Of(new IndicatorCounts { Births = 90, Boys = 55, Girls = 35 })["sex_ratio"].Flag);
        Assert.NotNull(Of(new IndicatorCounts { Births = 100, Boys = 55, Girls = 45 })["sex_ratio"].Flag);
        Assert.Null(Of(new IndicatorCounts { Births = 205, Boys = 105, Girls = 100 })["sex_ratio"].Flag);
        Assert.NotNull(Of(new IndicatorCounts { Births = 200, Boys = 100, Girls = 100 })["sex_ratio"].Flag);
    }

    [Fact]
    public void Prevalence_DenominatorLeavesOutExemptWomenBySetting()
    {
        var c = new IndicatorCounts
        {
            MarriedWcba = 100,
            MarriedWcbaExempt = 4,
            Methods = new() { [Method.Iud] = 60, [Method.FemaleSterilisation] = 20, [Method.Condom] = 10, [Method.None] = 10 },
        };
        Assert.Equal("93.75%", Of(c)["contraceptive_prevalence"].Text);
        Assert.Equal("90.00%", Of(c, excludeExempt: false)["contraceptive_prevalence"].Text);
    }

    [Fact]
    public void Procedures_CompletionAbortionRatioAndTargetShare()
    {
        var c = new IndicatorCounts
        {
            Births = 164,
            Procedures = new()
            {
                [ContraceptiveType.TubalLigation] = 10,
                [ContraceptiveType.Vasectomy] = 2,
                [ContraceptiveType.IudInsertion] = 50,
                [ContraceptiveType.Abortion] = 30,
                [ContraceptiveType.InducedLabour] = 3,
                [ContraceptiveType.IudRemoval] = 9
            },
        };
        var t = new Target { TownshipCode = "x", Year = 2026, BirthTarget = 330, SterilisationTask = 20, IudTask = 100, AbortionTask = 60, InducedLabourTask = 10 };
        var f = Of(c, t);
        Assert.Equal(95m, f["four_procedures"].Value);
        Assert.Equal("50.00%", f["four_procedures_completion"].Text);
        Assert.Equal("100:18.29", f["abortion_ratio"].Text);
        Assert.Equal("49.70%", f["birth_target_share"].Text);
    }
}

public class ChangeFormatTests
{
    [Theory]
    [InlineData(2.98, Unit.Abortion, "2.98")]
    [InlineData(1.5, Unit.Percent, "1.50个百分点")]
    [InlineData(0.25, Unit.PerMille, "0.25个千分点")]
    [InlineData(3.04, Unit.Ratio, "3.0")]
    [InlineData(12, Unit.Count, "12")]
    public void FormatChange_UsesTheIndicatorsOwnPrecision(double change, Unit unit, string expected) =>
        Assert.Equal(expected, Figure.FormatChange((decimal)change, unit));
}

public class SameDayReplacementTests
{
    [Fact]
    public void InEffect_IudRemovedAndInsertedTheSameDay_InEitherOrder_IsIud()
    {
        var day = new DateOnly(2026, 3, 1);
        Assert.Equal(Method.Iud, Methods.InEffect([(ContraceptiveType.IudInsertion, day.AddYears(-3)), (ContraceptiveType.IudInsertion, day), (ContraceptiveType.IudRemoval, day)], day));
        Assert.Equal(Method.Iud, Methods.InEffect([(ContraceptiveType.IudInsertion, day.AddYears(-3)), (ContraceptiveType.IudRemoval, day), (ContraceptiveType.IudInsertion, day)], day));
    }
}
