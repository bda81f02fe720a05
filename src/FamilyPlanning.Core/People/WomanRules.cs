using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.People;

/// <summary>The rules of a 育龄妇女 record, in one place for the page (<see cref="WomanService"/>) and the import, which get
/// the same instance from the container.</summary>
public class WomanRules
{
    /// <summary>Who may get a new record: a woman present here and aged 15–49 on the registration date (shared with the import).</summary>
    public virtual void CheckNew(Person person, DateOnly? registeredOn)
    {
        if (person.Sex != Sex.Female) throw new RuleViolation(null, $"{person.Name}不是女性，不能登记为育龄妇女");
        var on = registeredOn ?? throw new RuleViolation(nameof(WomanInput.RegisteredOn), "请填写建档日期");
        if (!person.IsPresentOn(on)) throw new RuleViolation(nameof(WomanInput.RegisteredOn), $"{person.Name}在建档日期不在本地户籍（已死亡或迁出）");
        var age = person.AgeOn(on);
        if (age is < Woman.MinAge or > Woman.MaxAge)
            throw new RuleViolation(nameof(WomanInput.RegisteredOn), $"{person.Name}在建档日期为{age}岁，育龄妇女应为15–49岁");
    }

    /// <summary>The data rules of a woman's record, shared by the page and the import.</summary>
    public virtual void Apply(Woman w, Person person, WomanInput input, DateOnly today)
    {
        Rules.NotInFuture(input.RegisteredOn, today, nameof(input.RegisteredOn), "建档日期");
        Rules.NotInFuture(input.MarriedOn, today, nameof(input.MarriedOn), "结婚日期");
        Rules.NotBefore(input.MarriedOn, person.BirthDate.AddYears(Woman.MinAge), nameof(input.MarriedOn), "结婚日期", "年满15岁");
        if (PersonNames.IsMarried(person.MaritalStatus) && input.MarriedOn is null)
            throw new RuleViolation(nameof(input.MarriedOn), $"{person.Name}婚姻状况为{PersonNames.Of(person.MaritalStatus)}，请填写结婚日期");
        Rules.NotInFuture(input.OneChildCertificateOn, today, nameof(input.OneChildCertificateOn), "光荣证发证日期");
        if (input.OneChildCertificateOn is not null && string.IsNullOrWhiteSpace(input.OneChildCertificate))
            throw new RuleViolation(nameof(input.OneChildCertificate), "填写了发证日期，请同时填写光荣证号");
        if (input.Exemption == Exemption.Pregnant && !PersonNames.IsMarried(person.MaritalStatus))
            throw new RuleViolation(nameof(input.Exemption), "未婚、离婚或丧偶的妇女不能以“孕期”免于节育");
        w.MarriedOn = input.MarriedOn;
        w.BoysBefore = input.BoysBefore;
        w.GirlsBefore = input.GirlsBefore;
        Rules.NotInFuture(input.ExemptionChangedOn, today, nameof(input.ExemptionChangedOn), "免于节育原因变动日期");
        if (input.RegisteredOn is { } registered)
            Rules.NotBefore(input.ExemptionChangedOn, registered, nameof(input.ExemptionChangedOn), "免于节育原因变动日期", "建档日期");
        if (w.Exemption != input.Exemption)
            // A new record's exemption holds from the record's date unless a date is given; a change to an existing record
            // holds from the date given, or today.
            w.ExemptionChangedOn = input.ExemptionChangedOn ?? (w.Id == 0 ? null : today);
        w.Exemption = input.Exemption;
        w.BirthServiceCertificate = Rules.Optional(input.BirthServiceCertificate);
        w.OneChildCertificate = Rules.Optional(input.OneChildCertificate);
        w.OneChildCertificateOn = input.OneChildCertificateOn;
        w.RegisteredOn = input.RegisteredOn!.Value;
    }
}
