using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;

namespace FamilyPlanning.Core.Tests.Subsidies;

public class EligibilityTests
{
    private static readonly DateOnly On = new(2026, 3, 1);

    private static Person P(DateOnly birth, Sex sex = Sex.Male) =>
        new() { Name = "张三", BirthDate = birth, Sex = sex, VillageCode = "371426100201", TownshipCode = "371426100000" };

    private static ChildFact Child(Sex sex, DateOnly? birth = null, DateOnly? died = null, int? grade = null) =>
        new(1, sex, birth ?? new DateOnly(1990, 1, 1), died, grade);

    private static FamilyFacts F(Person p, HukouType h = HukouType.Agricultural, params ChildFact[] children) =>
        new(p, h, new DateOnly(1965, 1, 1), "鲁独001", children, false);

    [Fact]
    public void Reward_RuralOneChildAged60_IsEligible() =>
        Assert.Empty(Eligibility.Check(Programme.RewardSupport, F(P(new(1960, 5, 1)), children: Child(Sex.Male)), null, On, 18));

    [Fact]
    public void Reward_TurningSixtyLaterThisYear_MayApply() =>
        Assert.Empty(Eligibility.Check(Programme.RewardSupport, F(P(new(1966, 11, 20)), children: Child(Sex.Male)), null, On, 18));

    [Fact]
    public void Reward_Under60AtYearEnd_IsRefusedWithTheAge() =>
        Assert.Contains("到2026年底为59岁，未满60周岁",
            Eligibility.Check(Programme.RewardSupport, F(P(new(1967, 1, 5)), children: Child(Sex.Male)), null, On, 18).Single());

    [Fact]
    public void Reward_NonAgriculturalHousehold_IsRefused() =>
        Assert.Contains("非农业", Eligibility.Check(Programme.RewardSupport, F(P(new(1950, 1, 1)), HukouType.NonAgricultural, Child(Sex.Male)), null, On, 18).Single());

    [Fact]
    public void Reward_TwoGirls_IsEligible_ButABoyAndAGirlIsNot()
    {
        Assert.Empty(Eligibility.Check(Programme.RewardSupport, F(P(new(1950, 1, 1)), children: [Child(Sex.Female), Child(Sex.Female)]), null, On, 18));
        Assert.Contains("现有子女2个（男1、女1）",
            Eligibility.Check(Programme.RewardSupport, F(P(new(1950, 1, 1)), children: [Child(Sex.Male), Child(Sex.Female)]), null, On, 18).Single());
    }

    [Fact]
    public void Reward_OutOfPolicyBirthOnRecord_IsRefused()
    {
        var f = F(P(new(1950, 1, 1)), children: Child(Sex.Male)) with { AnyOutOfPolicyBirth = true };
        Assert.Equal("登记中有政策外生育", Eligibility.Check(Programme.RewardSupport, f, null, On, 18).Single());
    }

    [Fact]
    public void Any_DeadApplicant_IsRefused()
    {
        var p = P(new(1950, 1, 1));
        p.DiedOn = new DateOnly(2026, 1, 2);
        Assert.Contains("张三已于 2026-01-02 死亡", Eligibility.Check(Programme.RewardSupport, F(p, children: Child(Sex.Male)), null, On, 18));
    }

    [Fact]
    public void Special_OnlyChildDied_WomanAged49_IsEligibleRural()
    {
        var child = Child(Sex.Male, died: new DateOnly(2020, 1, 1));
        Assert.Empty(Eligibility.Check(Programme.SpecialSupport, F(P(new(1970, 1, 1)), children: child) with { WomanBirthDate = new(1977, 6, 1) }, child, On, 18));
        Assert.Equal(SubsidyCategory.DeathRural, Eligibility.CategoryFor(Programme.SpecialSupport, HukouType.Agricultural, child));
        Assert.Equal(SubsidyCategory.DisabilityUrban, Eligibility.CategoryFor(Programme.SpecialSupport, HukouType.NonAgricultural, Child(Sex.Male, grade: 2)));
    }

    [Fact]
    public void Special_WomanUnder49_IsRefused()
    {
        var child = Child(Sex.Male, died: new DateOnly(2020, 1, 1));
        Assert.Contains("特扶要求女方年满49周岁",
            Eligibility.Check(Programme.SpecialSupport, F(P(new(1980, 1, 1)), children: child) with { WomanBirthDate = new(1980, 6, 1) }, child, On, 18).Single());
    }

    [Fact]
    public void Special_ChildDisabledGrade4OrWithASibling_IsRefused()
    {
        var mild = Child(Sex.Male, grade: 4);
        Assert.Contains("既无死亡记录，也无三级以上残疾等级",
            Eligibility.Check(Programme.SpecialSupport, F(P(new(1960, 1, 1)), children: mild), mild, On, 18).Single());
        var severe = Child(Sex.Male, grade: 3);
        Assert.Contains("共有子女2个",
            Eligibility.Check(Programme.SpecialSupport, F(P(new(1960, 1, 1)), children: [severe, Child(Sex.Female)]), severe, On, 18).Single());
    }

    [Fact]
    public void OneChild_CertificateAndChildUnder18_IsEligible_OtherwiseRefused()
    {
        var child = Child(Sex.Female, birth: new DateOnly(2012, 4, 1));
        Assert.Empty(Eligibility.Check(Programme.OneChildReward, F(P(new(1985, 1, 1)), children: child), child, On, 18));
        Assert.Equal("该家庭没有登记独生子女父母光荣证",
            Eligibility.Check(Programme.OneChildReward, F(P(new(1985, 1, 1)), children: child) with { OneChildCertificate = null }, child, On, 18).Single());
        var grown = Child(Sex.Female, birth: new DateOnly(2008, 1, 1));
        Assert.Equal("独生子女已满18周岁", Eligibility.Check(Programme.OneChildReward, F(P(new(1985, 1, 1)), children: grown), grown, On, 18).Single());
    }
}
