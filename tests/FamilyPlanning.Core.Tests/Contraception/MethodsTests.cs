using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using T = FamilyPlanning.Core.Contraception.ContraceptiveType;

namespace FamilyPlanning.Core.Tests.Contraception;

public class MethodsTests
{
    private static (T, DateOnly) E(T t, string d) => (t, DateOnly.Parse(d));

    [Fact]
    public void InEffect_IudUntilRemoved()
    {
        var events = new[] { E(T.IudInsertion, "2020-01-01"), E(T.IudRemoval, "2023-06-01") };
        Assert.Equal(Method.None, Methods.InEffect(events, DateOnly.Parse("2019-12-31")));
        Assert.Equal(Method.Iud, Methods.InEffect(events, DateOnly.Parse("2023-05-31")));
        Assert.Equal(Method.None, Methods.InEffect(events, DateOnly.Parse("2023-06-01")));
    }

    [Fact]
    public void InEffect_SterilisationIsPermanentAndWins()
    {
        var events = new[] { E(T.Pill, "2018-01-01"), E(T.Vasectomy, "2019-01-01"), E(T.IudInsertion, "2017-01-01") };
        Assert.Equal(Method.MaleSterilisation, Methods.InEffect(events, DateOnly.Parse("2025-01-01")));
        Assert.Equal(Method.Iud, Methods.InEffect(events, DateOnly.Parse("2018-06-01")));
    }

    [Fact]
    public void InEffect_OngoingMethodEndsWhenStoppedOrReplaced()
    {
        var events = new[] { E(T.Condom, "2020-01-01"), E(T.Pill, "2021-01-01"), E(T.MethodStopped, "2022-01-01") };
        Assert.Equal(Method.Condom, Methods.InEffect(events, DateOnly.Parse("2020-06-01")));
        Assert.Equal(Method.PillOrInjection, Methods.InEffect(events, DateOnly.Parse("2021-06-01")));
        Assert.Equal(Method.None, Methods.InEffect(events, DateOnly.Parse("2022-06-01")));
    }

    private static readonly ContraceptionRules Rules = new();

    [Fact]
    public void Sequence_IudRemovalWithoutIud_IsRefused()
    {
        Assert.Equal("该妇女当时没有放置宫内节育器，不能登记取环", Rules.Sequence(T.IudRemoval, DateOnly.Parse("2024-01-01"), [])?.Message);
        Assert.Null(Rules.Sequence(T.IudRemoval, DateOnly.Parse("2024-01-01"), [E(T.IudInsertion, "2020-01-01")]));
    }

    [Fact]
    public void Sequence_SterilisedWomanStartsNoFurtherMethod()
    {
        Assert.Contains("已落实女性绝育", Rules.Sequence(T.Pill, DateOnly.Parse("2024-01-01"), [E(T.TubalLigation, "2020-01-01")])?.Message);
        // An abortion is still recorded.
        Assert.Null(Rules.Sequence(T.Abortion, DateOnly.Parse("2024-01-01"), [E(T.TubalLigation, "2020-01-01")]));
    }

    [Fact]
    public void Sequence_SecondIudWithoutRemoval_IsRefused() =>
        Assert.NotNull(Rules.Sequence(T.IudInsertion, DateOnly.Parse("2024-01-01"), [E(T.IudInsertion, "2020-01-01")]));
}
