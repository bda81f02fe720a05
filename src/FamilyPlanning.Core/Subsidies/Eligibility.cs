using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Subsidies;

/// <summary>A child of the applicant's family as the registers know it (or as declared, when born before the registers).</summary>
public sealed record ChildFact(long? PersonId, Sex? Sex, DateOnly? BirthDate, DateOnly? DiedOn, int? DisabilityGrade)
{
    public bool Living => DiedOn is null;
}

/// <summary>What eligibility is judged on, gathered from the registers by <see cref="SubsidyService"/>.</summary>
public sealed record FamilyFacts(
    Person Applicant,
    HukouType Hukou,
    DateOnly? WomanBirthDate,
    string? OneChildCertificate,
    IReadOnlyList<ChildFact> Children,
    bool AnyOutOfPolicyBirth);

/// <summary>
/// The national rules of docs/domain.md §6, as pure functions: each returns the Chinese reasons the family is not eligible on a
/// date (empty when eligible). Applications are judged at the end of the application year for the age rules, so people
/// may apply in the year they qualify; payments are judged month by month (<see cref="PaymentCalculator"/>).
/// </summary>
public static class Eligibility
{
    public const int RewardAge = 60;
    public const int SpecialSupportWomanAge = 49;

    public static List<string> Check(Programme programme, FamilyFacts f, ChildFact? child, DateOnly on, int maxChildAge)
    {
        var reasons = new List<string>();
        var p = f.Applicant;
        if (p.DiedOn is not null && p.DiedOn <= on) reasons.Add($"{p.Name}已于 {p.DiedOn:yyyy-MM-dd} 死亡");
        if (p.MovedOutOn is not null && p.MovedOutOn <= on) reasons.Add($"{p.Name}已于 {p.MovedOutOn:yyyy-MM-dd} 迁出");
        var living = f.Children.Where(c => c.Living).ToList();
        switch (programme)
        {
            case Programme.RewardSupport:
                if (f.Hukou != HukouType.Agricultural) reasons.Add("户口性质为非农业，农村奖扶只适用于农业户口家庭");
                var yearEnd = new DateOnly(on.Year, 12, 31);
                if (p.AgeOn(yearEnd) < RewardAge) reasons.Add($"{p.Name}到{on.Year}年底为{p.AgeOn(yearEnd)}岁，未满60周岁");
                var boys = living.Count(c => c.Sex == Sex.Male);
                var girls = living.Count(c => c.Sex == Sex.Female);
                if (!(living.Count == 1 || (living.Count == 2 && girls == 2)))
                    reasons.Add($"现有子女{living.Count}个（男{boys}、女{girls}），奖扶要求只有一个子女或两个女孩");
                if (f.AnyOutOfPolicyBirth) reasons.Add("登记中有政策外生育");
                break;
            case Programme.SpecialSupport:
                if (f.WomanBirthDate is not { } wb) reasons.Add("未找到该家庭的女方（本人或配偶）登记信息");
                else if (Age(wb, new DateOnly(on.Year, 12, 31)) < SpecialSupportWomanAge)
                    reasons.Add($"女方到{on.Year}年底为{Age(wb, new DateOnly(on.Year, 12, 31))}岁，特扶要求女方年满49周岁");
                if (child is null) reasons.Add("请选择死亡或伤残的独生子女");
                else
                {
                    if (child.DiedOn is null && child.DisabilityGrade is not (>= 1 and <= 3))
                        reasons.Add("所选子女在登记中既无死亡记录，也无三级以上残疾等级");
                    if (f.Children.Count > 1) reasons.Add($"该家庭共有子女{f.Children.Count}个，特扶只适用于独生子女家庭");
                }
                if (f.AnyOutOfPolicyBirth) reasons.Add("登记中有政策外生育");
                break;
            case Programme.OneChildReward:
                if (string.IsNullOrEmpty(f.OneChildCertificate)) reasons.Add("该家庭没有登记独生子女父母光荣证");
                if (child is null) reasons.Add("请选择独生子女");
                else
                {
                    if (!child.Living) reasons.Add("所选子女已死亡");
                    if (child.BirthDate is { } cb && Age(cb, on) >= maxChildAge)
                        reasons.Add($"独生子女已满{maxChildAge}周岁");
                }
                if (living.Count != 1) reasons.Add($"现有子女{living.Count}个，不是独生子女家庭");
                break;
        }
        return reasons;
    }

    public static SubsidyCategory CategoryFor(Programme programme, HukouType hukou, ChildFact? child) =>
        programme != Programme.SpecialSupport || child is null ? SubsidyCategory.Standard
        : (child.DiedOn is not null, hukou == HukouType.Agricultural) switch
        {
            (true, false) => SubsidyCategory.DeathUrban,
            (true, true) => SubsidyCategory.DeathRural,
            (false, false) => SubsidyCategory.DisabilityUrban,
            _ => SubsidyCategory.DisabilityRural,
        };

    public static int Age(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
}
