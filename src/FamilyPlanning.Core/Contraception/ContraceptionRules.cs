using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Contraception;

/// <summary>
/// The rules of a contraceptive event, in one place for the page (<see cref="ContraceptionService"/>), the import and the
/// monthly checks, which get the same instance from the container. Each returns the rules broken (null when they hold).
/// </summary>
public class ContraceptionRules
{
    /// <summary>The event's date: not in the future, not before she turned 15, not after her death.</summary>
    public virtual IEnumerable<RuleViolation?> Date(Person woman, DateOnly date, DateOnly today)
    {
        const string field = nameof(RecordContraception.Date);
        yield return Rules.InFuture(date, today, field, "日期");
        yield return Rules.Before(date, woman.BirthDate.AddYears(Woman.MinAge), field, "日期", "年满15岁");
        if (woman.DiedOn < date) yield return new(field, $"{woman.Name}已于 {woman.DiedOn:yyyy-MM-dd} 死亡");
    }

    /// <summary>The event against her events up to its date: 取环 needs an IUD in place, 取皮埋 an implant, a second device
    /// needs the first removed, and a sterilised woman starts no further method.</summary>
    public virtual RuleViolation? Sequence(ContraceptiveType type, DateOnly date, List<(ContraceptiveType, DateOnly)> events)
    {
        var inEffect = Methods.InEffect(events, date);
        var iudInPlace = Methods.InEffect(events.Where(e => e.Item1 is ContraceptiveType.IudInsertion or ContraceptiveType.IudRemoval), date) == Method.Iud;
        var implantInPlace = Methods.InEffect(events.Where(e => e.Item1 is ContraceptiveType.ImplantInsertion or ContraceptiveType.ImplantRemoval), date) == Method.Implant;
        var sterilised = inEffect is Method.FemaleSterilisation or Method.MaleSterilisation;
        const string field = nameof(RecordContraception.Type);
        if (type == ContraceptiveType.IudRemoval && !iudInPlace) return new(field, "该妇女当时没有放置宫内节育器，不能登记取环");
        if (type == ContraceptiveType.ImplantRemoval && !implantInPlace) return new(field, "该妇女当时没有皮下埋植，不能登记取皮埋");
        if (type == ContraceptiveType.IudInsertion && iudInPlace) return new(field, "该妇女已放置宫内节育器，请先登记取环");
        if (type == ContraceptiveType.ImplantInsertion && implantInPlace) return new(field, "该妇女已有皮下埋植，请先登记取皮埋");
        if (sterilised && Methods.StartsMethod(type)) return new(field, $"该妇女已落实{Methods.Of(inEffect)}，无需再采取其他避孕措施");
        return null;
    }
}
