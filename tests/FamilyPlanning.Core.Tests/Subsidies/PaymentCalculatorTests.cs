using FamilyPlanning.Core.Subsidies;

namespace FamilyPlanning.Core.Tests.Subsidies;

public class PaymentCalculatorTests
{
    private const string County = "371426000000";
    private static readonly DateOnly Jan = new(2026, 1, 1), Dec = new(2026, 12, 1);

    private static Beneficiary B(Programme p = Programme.RewardSupport, DateOnly? first = null, DateOnly? exited = null) => new()
    {
        TownshipCode = "371426100000",
        VillageCode = "371426100201",
        Programme = p,
        Status = BeneficiaryStatus.Approved,
        FirstMonth = first ?? new DateOnly(2020, 1, 1),
        ExitedOn = exited,
    };

    private static PaymentAmount Pay(Beneficiary b, DateOnly born, IReadOnlyList<SubsidyRate>? rates = null, DateOnly? died = null,
        DateOnly? childBirth = null) =>
        PaymentCalculator.For(new PaymentFacts(b, born, died, null, childBirth, null), rates ?? SubsidyRate.NationalMinimums, County, Jan, Dec);

    [Fact]
    public void FullYear_At960AYear_Pays960()
    {
        var pay = Pay(B(), new DateOnly(1950, 1, 1));
        Assert.Equal((12, 960m), (pay.Months, pay.Amount));
        Assert.Equal("2026-01至2026-12 12个月×80.00元", pay.Detail);
    }

    [Fact]
    public void RateChangeInJuly_IsProratedByMonth()
    {
        var rates = SubsidyRate.NationalMinimums.Append(new SubsidyRate
        {
            Id = 99,
            Programme = Programme.RewardSupport,
            RegionCode = "371426",
            EffectiveFrom = new DateOnly(2026, 7, 1),
            MonthlyAmount = 100m,
        }).ToList();
        var pay = Pay(B(), new DateOnly(1950, 1, 1), rates);
        Assert.Equal(6 * 80m + 6 * 100m, pay.Amount);
        Assert.Equal("2026-01至2026-06 6个月×80.00元；2026-07至2026-12 6个月×100.00元", pay.Detail);
    }

    [Fact]
    public void SixtiethBirthdayInApril_PaysFromMay()
    {
        var pay = Pay(B(), new DateOnly(1966, 4, 15));
        Assert.Equal((8, 640m), (pay.Months, pay.Amount));
        Assert.StartsWith("2026-05至2026-12", pay.Detail);
    }

    [Fact]
    public void SixtiethBirthdayOnTheFirst_PaysThatMonth() =>
        Assert.Equal(9, Pay(B(), new DateOnly(1966, 4, 1)).Months);

    [Fact]
    public void ExitInMarch_StopsPaymentsAfterMarch() =>
        Assert.Equal(3, Pay(B(exited: new DateOnly(2026, 3, 20)), new DateOnly(1950, 1, 1)).Months);

    [Fact]
    public void DeathInOctober_StopsPaymentsAfterOctober() =>
        Assert.Equal(10, Pay(B(), new DateOnly(1950, 1, 1), died: new DateOnly(2026, 10, 9)).Months);

    [Fact]
    public void ApprovedInJune_PaysFromJuly() =>
        Assert.Equal(6, Pay(B(first: new DateOnly(2026, 7, 1)), new DateOnly(1950, 1, 1)).Months);

    [Fact]
    public void OneChildReward_StopsWhenTheChildTurns18() =>
        Assert.Equal((8, 80m), (Pay(B(Programme.OneChildReward), new DateOnly(1980, 1, 1), childBirth: new DateOnly(2008, 8, 10)) is var p ? (p.Months, p.Amount) : default));

    [Fact]
    public void RegionalRate_OverridesTheNationalOne_OnlyInItsRegion()
    {
        var rates = SubsidyRate.NationalMinimums.Append(new SubsidyRate
        {
            Id = 99,
            Programme = Programme.RewardSupport,
            RegionCode = "37",
            EffectiveFrom = new DateOnly(2020, 1, 1),
            MonthlyAmount = 90m,
        }).ToList();
        Assert.Equal(90m, SubsidyRate.InForce(rates, Programme.RewardSupport, SubsidyCategory.Standard, County, Jan)!.MonthlyAmount);
        Assert.Equal(80m, SubsidyRate.InForce(rates, Programme.RewardSupport, SubsidyCategory.Standard, "110105000000", Jan)!.MonthlyAmount);
    }
}

public class CellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("王芳", "王芳")]
    [InlineData(null, "")]
    public void Safe_NeutralisesFormulaStarts(string? input, string expected) =>
        Assert.Equal(expected, FamilyPlanning.Core.Common.Cell.Safe(input));
}
