using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Monthly;
using FamilyPlanning.Core.Reports;

namespace FamilyPlanning.Core.Tests.Indicators;

/// <summary>Issue 15: every indicator is declared once, and everything that shows indicators lists catalogue members.</summary>
public class CatalogueTests
{
    [Fact]
    public void Catalogue_KeysAndNames_AreUnique()
    {
        Assert.Equal(Catalogue.All.Count, Catalogue.All.Select(i => i.Key).Distinct().Count());
        Assert.Equal(Catalogue.All.Count, Catalogue.All.Distinct().Count());
    }

    [Fact]
    public void EveryListShown_HoldsOnlyCatalogueMembers()
    {
        var shown = Catalogue.Cards.Concat(Catalogue.TownshipTable).Concat(Catalogue.InMigrantFigures)
            .Concat(MonthFigures.Columns.Select(c => c.Indicator))
            .Concat(HalfYearSummary.Tables.SelectMany(t => t.Columns.Select(c => c.Indicator)))
            .Concat(HalfYearSummary.TownshipColumns.Select(c => c.Indicator));
        Assert.All(shown, i => Assert.Contains(i, Catalogue.All));
    }

    [Fact]
    public void Evaluate_GivesOneFigurePerMember_InCatalogueOrder()
    {
        var figures = IndicatorMath.Compute(new IndicatorCounts { Births = 10, Boys = 6, Girls = 4, Compliant = 9 }, null, true);
        Assert.Equal(Catalogue.All, figures.Select(f => f.Indicator));
        Assert.Equal("90.00%", figures.Single(f => f.Indicator == Catalogue.PlannedBirthRate).Text);
        Assert.Equal("150.0", figures.Single(f => f.Indicator == Catalogue.SexRatio).Text);
    }

    [Theory]
    [InlineData("planned_birth_rate", 1.5, "good")]
    [InlineData("planned_birth_rate", -0.5, "bad")]
    [InlineData("contraceptive_prevalence", 2, "good")]
    [InlineData("abortion_ratio", 3, "bad")]
    [InlineData("multi_child_share", -1, "good")]
    [InlineData("population", 120, "neutral")]
    [InlineData("sex_ratio", 2, "neutral")]
    [InlineData("planned_birth_rate", 0, "neutral")]
    public void Judge_ColoursAChangeByTheIndicatorsDirection(string key, double change, string expected)
    {
        var indicator = Catalogue.All.Single(i => i.Key == key);
        Assert.Equal(expected, new Figure(indicator, 1m).Judge((decimal)change));
    }
}
