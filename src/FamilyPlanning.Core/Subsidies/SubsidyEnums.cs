namespace FamilyPlanning.Core.Subsidies;

public enum Programme { RewardSupport = 1, SpecialSupport = 2, OneChildReward = 3 }

/// <summary>特扶 is paid by the child's situation and the household's type; the other programmes have one category.</summary>
public enum SubsidyCategory { Standard = 0, DeathUrban = 1, DisabilityUrban = 2, DeathRural = 3, DisabilityRural = 4 }

/// <summary>申请 → 村公示 → 乡审核 → 县审批 (享受); 退回 at any step before approval; 退出 after.</summary>
public enum BeneficiaryStatus { Applied = 1, Publicized = 2, TownshipReviewed = 3, Approved = 4, Rejected = 8, Exited = 9 }

public enum ExitReason { Death = 1, HouseholdOrBirthChange = 2, AgeIneligible = 3, Fraud = 4, Other = 9 }

public static class SubsidyNames
{
    public static string Of(Programme p) => p switch
    {
        Programme.RewardSupport => "奖扶",
        Programme.SpecialSupport => "特扶",
        _ => "独生子女父母奖励费",
    };

    public static string FullName(Programme p) => p switch
    {
        Programme.RewardSupport => "农村部分计划生育家庭奖励扶助",
        Programme.SpecialSupport => "计划生育家庭特别扶助",
        _ => "独生子女父母奖励费",
    };

    public static string Of(SubsidyCategory c) => c switch
    {
        SubsidyCategory.DeathUrban => "城镇·独生子女死亡",
        SubsidyCategory.DisabilityUrban => "城镇·独生子女伤残",
        SubsidyCategory.DeathRural => "农村·独生子女死亡",
        SubsidyCategory.DisabilityRural => "农村·独生子女伤残",
        _ => "标准",
    };

    public static string Of(BeneficiaryStatus s) => s switch
    {
        BeneficiaryStatus.Applied => "已申请",
        BeneficiaryStatus.Publicized => "村已公示",
        BeneficiaryStatus.TownshipReviewed => "乡已审核",
        BeneficiaryStatus.Approved => "享受中",
        BeneficiaryStatus.Rejected => "已退回",
        _ => "已退出",
    };

    public static string Of(ExitReason r) => r switch
    {
        ExitReason.Death => "死亡",
        ExitReason.HouseholdOrBirthChange => "户籍/生育情况变化",
        ExitReason.AgeIneligible => "年龄不符",
        ExitReason.Fraud => "弄虚作假",
        _ => "其他",
    };
}
