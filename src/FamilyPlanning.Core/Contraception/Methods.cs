namespace FamilyPlanning.Core.Contraception;

/// <summary>The method in effect (国人口统2表 categories) and the pure rules that derive it from a woman's events.</summary>
public enum Method { None = 0, FemaleSterilisation = 1, MaleSterilisation = 2, Iud = 3, Implant = 4, PillOrInjection = 5, Condom = 6, Topical = 7, Other = 8 }

public static class Methods
{
    public static string Of(Method m) => m switch
    {
        Method.FemaleSterilisation => "女性绝育",
        Method.MaleSterilisation => "男性绝育",
        Method.Iud => "宫内节育器",
        Method.Implant => "皮下埋植",
        Method.PillOrInjection => "口服及注射药",
        Method.Condom => "避孕套",
        Method.Topical => "外用药",
        Method.Other => "其它",
        _ => "未避孕",
    };

    public static string Of(ContraceptiveType t) => t switch
    {
        ContraceptiveType.IudInsertion => "放环",
        ContraceptiveType.IudRemoval => "取环",
        ContraceptiveType.TubalLigation => "女扎",
        ContraceptiveType.Vasectomy => "男扎",
        ContraceptiveType.ImplantInsertion => "皮埋",
        ContraceptiveType.ImplantRemoval => "取皮埋",
        ContraceptiveType.Abortion => "人流",
        ContraceptiveType.InducedLabour => "引产",
        ContraceptiveType.Pill => "口服药",
        ContraceptiveType.Injection => "注射",
        ContraceptiveType.Condom => "避孕套",
        ContraceptiveType.Topical => "外用药",
        ContraceptiveType.OtherMethod => "其它方法",
        _ => "停用避孕方法",
    };

    public static string Of(Institution i) => i switch
    {
        Institution.CountyStation => "县服务站",
        Institution.TownshipClinic => "乡服务所",
        Institution.Hospital => "医院",
        _ => "其他",
    };

    public static bool IsProcedure(ContraceptiveType t) => (int)t < 20;

    public static bool StartsMethod(ContraceptiveType t) => t is ContraceptiveType.IudInsertion or ContraceptiveType.TubalLigation
        or ContraceptiveType.Vasectomy or ContraceptiveType.ImplantInsertion or ContraceptiveType.Pill or ContraceptiveType.Injection
        or ContraceptiveType.Condom or ContraceptiveType.Topical or ContraceptiveType.OtherMethod;

    /// <summary>Within one day, removals and stops come first, then devices and procedures, then ongoing methods: a device
    /// removed and a new one inserted on the same day (a common replacement) leaves a device in place, whatever order the
    /// two were entered in. IndicatorQuery orders events by the same key in SQL.</summary>
    public static int SameDayOrder(ContraceptiveType t) => t switch
    {
        ContraceptiveType.IudRemoval or ContraceptiveType.ImplantRemoval or ContraceptiveType.MethodStopped => 0,
        >= ContraceptiveType.Pill and <= ContraceptiveType.OtherMethod => 2,
        _ => 1,
    };

    /// <summary>
    /// The method in effect on a date from the events on or before it, in date order (<see cref="SameDayOrder"/> within a
    /// day): sterilisation is permanent; an IUD or implant stays until removed; an ongoing method lasts until another method
    /// starts or it is stopped. When more than one is in effect the most effective wins (sterilisation, IUD, implant, then
    /// the others).
    /// </summary>
    public static Method InEffect(IEnumerable<(ContraceptiveType type, DateOnly date)> events, DateOnly on)
    {
        bool femaleSterilised = false, maleSterilised = false, iud = false, implant = false;
        var ongoing = Method.None;
        foreach (var (type, _) in events.Where(e => e.date <= on).OrderBy(e => e.date).ThenBy(e => SameDayOrder(e.type)))
        {
            switch (type)
            {
                case ContraceptiveType.TubalLigation: femaleSterilised = true; break;
                case ContraceptiveType.Vasectomy: maleSterilised = true; break;
                case ContraceptiveType.IudInsertion: iud = true; ongoing = Method.None; break;
                case ContraceptiveType.IudRemoval: iud = false; break;
                case ContraceptiveType.ImplantInsertion: implant = true; ongoing = Method.None; break;
                case ContraceptiveType.ImplantRemoval: implant = false; break;
                case ContraceptiveType.Pill or ContraceptiveType.Injection: ongoing = Method.PillOrInjection; break;
                case ContraceptiveType.Condom: ongoing = Method.Condom; break;
                case ContraceptiveType.Topical: ongoing = Method.Topical; break;
                case ContraceptiveType.OtherMethod: ongoing = Method.Other; break;
                case ContraceptiveType.MethodStopped: ongoing = Method.None; break;
            }
        }
        return femaleSterilised ? Method.FemaleSterilisation
            : maleSterilised ? Method.MaleSterilisation
            : iud ? Method.Iud
            : implant ? Method.Implant
            : ongoing;
    }
}
