using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.People;

/// <summary>
/// The rules of a person's record and of the dated facts of a life (死亡, 迁出, 迁入), in one place for the pages
/// (<see cref="PersonService"/>) and the imports, which get the same instance from the container. Each applies a valid input
/// to the person, or throws the first rule it breaks.
/// </summary>
public class PersonRules
{
    /// <summary>Every rule of a person's fields except the county-wide uniqueness of the ID number (shared with the import,
    /// which checks uniqueness for a whole file at once).</summary>
    public virtual void ApplyFields(Person p, PersonInput input, DateOnly today)
    {
        p.Name = Rules.Required(input.Name, nameof(input.Name), "姓名");
        p.Sex = input.Sex ?? throw new RuleViolation(nameof(input.Sex), "请选择性别");
        p.BirthDate = input.BirthDate ?? throw new RuleViolation(nameof(input.BirthDate), "请填写出生日期");
        Rules.NotInFuture(p.BirthDate, today, nameof(input.BirthDate), "出生日期");
        if (!string.IsNullOrWhiteSpace(input.IdNumber)
            && IdNumber.Check(IdNumber.Normalize(input.IdNumber), p.BirthDate, p.Sex) is { } idError)
            throw new RuleViolation(nameof(input.IdNumber), idError);
        p.Relation = input.Relation ?? throw new RuleViolation(nameof(input.Relation), "请选择与户主关系");
        p.MaritalStatus = input.MaritalStatus ?? throw new RuleViolation(nameof(input.MaritalStatus), "请选择婚姻状况");
        p.Residence = input.Residence ?? throw new RuleViolation(nameof(input.Residence), "请选择居住状况");
        Rules.NotInFuture(input.MovedInOn, today, nameof(input.MovedInOn), "迁入日期");
        Rules.NotBefore(input.MovedInOn, p.BirthDate, nameof(input.MovedInOn), "迁入日期", "出生日期");
        p.MovedInOn = input.MovedInOn;
        p.DisabilityGrade = input.DisabilityGrade;
    }

    public virtual void ApplyDeath(Person person, LifeEventInput input, DateOnly today)
    {
        var date = input.Date ?? throw new RuleViolation(nameof(input.Date), "请填写死亡日期");
        Rules.NotInFuture(date, today, nameof(input.Date), "死亡日期");
        Rules.NotBefore(date, person.BirthDate, nameof(input.Date), "死亡日期", "出生日期");
        if (person.DiedOn is not null) throw new RuleViolation(nameof(input.Date), $"已登记死亡（{person.DiedOn:yyyy-MM-dd}）");
        person.DiedOn = date;
    }

    public virtual void ApplyMoveOut(Person person, LifeEventInput input, DateOnly today)
    {
        var date = input.Date ?? throw new RuleViolation(nameof(input.Date), "请填写迁出日期");
        Rules.NotInFuture(date, today, nameof(input.Date), "迁出日期");
        Rules.NotBefore(date, person.BirthDate, nameof(input.Date), "迁出日期", "出生日期");
        Rules.NotBefore(date, person.MovedInOn ?? person.BirthDate, nameof(input.Date), "迁出日期", "迁入日期");
        if (person.DiedOn is not null) throw new RuleViolation(nameof(input.Date), "已死亡人员不能迁出");
        if (person.MovedOutOn is not null) throw new RuleViolation(nameof(input.Date), $"已于 {person.MovedOutOn:yyyy-MM-dd} 迁出");
        person.MovedOutOn = date;
        person.MovedOutTo = Rules.Optional(input.Place);
    }

    public virtual void ApplyMoveIn(Person person, LifeEventInput input, DateOnly today)
    {
        var date = input.Date ?? throw new RuleViolation(nameof(input.Date), "请填写迁入日期");
        Rules.NotInFuture(date, today, nameof(input.Date), "迁入日期");
        if (person.MovedOutOn is null) throw new RuleViolation(nameof(input.Date), "该人员未迁出，无需登记迁入");
        Rules.NotBefore(date, person.MovedOutOn.Value, nameof(input.Date), "迁入日期", "迁出日期");
        person.MovedInOn = date;
        person.MovedOutOn = null;
        person.MovedOutTo = null;
    }
}
