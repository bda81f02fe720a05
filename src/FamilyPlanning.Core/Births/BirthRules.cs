using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Births;

/// <summary>
/// The rules of a birth registration, in one place for the page (<see cref="BirthService"/>) and the import, which get the
/// same instance from the container. Checks return the rules a delivery breaks (null entries are rules that hold): the page
/// shows the first, the import reports every one on its row and column.
/// </summary>
public class BirthRules
{
    public const int MaxChildrenPerDelivery = 6;
    public const int MinDaysBetweenDeliveries = 180;

    /// <summary>A delivery's dates against today and the mother's own dates (she must be alive and living here).</summary>
    public virtual IEnumerable<RuleViolation?> Delivery(Person mother, DateOnly date, DateOnly? reported, DateOnly today)
    {
        const string birthDate = nameof(RegisterBirth.BirthDate);
        yield return Rules.InFuture(date, today, birthDate, "出生日期");
        if (mother.DiedOn < date) yield return new(birthDate, $"母亲{mother.Name}已于 {mother.DiedOn:yyyy-MM-dd} 死亡，早于出生日期");
        if (mother.MovedOutOn <= date) yield return new(birthDate, $"母亲{mother.Name}已于 {mother.MovedOutOn:yyyy-MM-dd} 迁出");
        foreach (var v in Report(date, reported, today)) yield return v;
    }

    /// <summary>The date the birth was reported: not in the future, not before the birth.</summary>
    public virtual IEnumerable<RuleViolation?> Report(DateOnly date, DateOnly? reported, DateOnly today)
    {
        const string reportedOn = nameof(RegisterBirth.ReportedOn);
        yield return Rules.InFuture(reported, today, reportedOn, "报告日期");
        yield return Rules.Before(reported, date, reportedOn, "报告日期", "出生日期");
    }

    /// <summary>Two deliveries of one mother less than <see cref="MinDaysBetweenDeliveries"/> days apart are most likely one
    /// registered twice.</summary>
    public virtual RuleViolation? Spacing(string motherName, DateOnly date, IEnumerable<DateOnly> otherDeliveries)
    {
        var near = otherDeliveries.Where(d => d != date && Math.Abs(d.DayNumber - date.DayNumber) < MinDaysBetweenDeliveries)
            .Select(d => (DateOnly?)d).Min();
        return near is null ? null : new RuleViolation(nameof(RegisterBirth.BirthDate),
            $"母亲{motherName}另有 {near:yyyy-MM-dd} 的出生登记，两次分娩间隔不足{MinDaysBetweenDeliveries}天，可能重复登记");
    }

    public virtual RuleViolation? DeliverySize(int children) =>
        children > MaxChildrenPerDelivery ? new RuleViolation(null, $"一次分娩最多登记{MaxChildrenPerDelivery}个婴儿") : null;

    /// <summary>The father's ID number as written: its normal form, or why it cannot be one.</summary>
    public virtual (string? Number, RuleViolation? Error) FatherNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var number = IdNumber.Normalize(text);
        return IdNumber.FormatError(number) is { } e ? (null, new RuleViolation(nameof(RegisterBirth.FatherIdNumber), "父亲" + e)) : (number, null);
    }

    /// <summary>
    /// Parity: children she had before her record + her registered births before this delivery, in birth order, + 1; twins
    /// consecutive. Policy: per delivery from the dated rule table (children before the delivery vs the maximum, or a
    /// permit), unless a clerk overrode it. Recomputed over all her births so a late-registered earlier birth renumbers
    /// the later ones.
    /// </summary>
    public virtual void Renumber(Woman mother, IEnumerable<Birth> births, List<PolicyRule> rules)
    {
        var all = births.OrderBy(b => b.BirthDate).ThenBy(b => b.Id).ToList();
        var before = mother.ChildrenBefore;
        foreach (var delivery in all.GroupBy(b => b.DeliveryId).OrderBy(g => g.Min(b => b.BirthDate)).ThenBy(g => g.Min(b => b.Id)))
        {
            var (status, reason) = PolicyDecision.Decide(rules, delivery.First().BirthDate, before,
                delivery.Any(b => b.PermitNumber is not null));
            foreach (var b in delivery)
            {
                b.Parity = ++before;
                if (b.PolicyOverridden) continue;
                b.PolicyStatus = status;
                b.PolicyReason = reason;
            }
        }
    }

    /// <summary>A newborn has its mother's residence type: a 流入 mother's baby is 流入, never counted among 户籍 births.</summary>
    public static Residence ChildResidence(Residence mother) => mother;

    /// <summary>The newborn's relation to the head of the mother's household.</summary>
    public static Relation ChildRelation(Relation mother, Sex sex) =>
        mother is Relation.Head or Relation.Spouse ? (sex == Sex.Male ? Relation.Son : Relation.Daughter)
        : mother is Relation.SonOrDaughterInLaw or Relation.Son or Relation.Daughter ? Relation.Grandchild
        : Relation.Other;
}
