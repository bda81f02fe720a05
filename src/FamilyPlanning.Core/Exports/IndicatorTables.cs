using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Indicators;

namespace FamilyPlanning.Core.Exports;

/// <summary>The dashboard's tables as downloads: every indicator for the total and each township, this period and the same
/// period last year (与上年同期比), and the month-by-month births. Values are numbers rounded as docs/domain.md §4 says, "—" for
/// an empty denominator.</summary>
public static class IndicatorTables
{
    public static Table Areas(IndicatorReport r)
    {
        // Members of one name count the same thing (放环 is a headline figure and a 统2表 column): one column each, as a
        // sheet's column names must be unique.
        var columns = r.Total.Figures.Select((f, i) => (f, i)).DistinctBy(x => x.f.Name).Select(x => x.i).ToList();
        List<Figure> Pick(List<Figure> all) => columns.Select(i => all[i]).ToList();
        var headers = new[] { "单位", "期间" }.Concat(Pick(r.Total.Figures).Select(f => f.Name + UnitSuffix(f.Unit))).Append("提示").ToArray();
        var areas = new[] { r.Total }.Concat(r.Townships.Count > 1 ? r.Townships : []);
        var rows = areas.SelectMany(u => new[]
        {
            Row(u.Name, r.Period.Name, Pick(u.Figures), true),
            Row(u.Name, "上年同期（" + r.LastYearPeriod.Name + "）", Pick(u.LastYear), false),
        });
        return new Table("指标", headers, rows);
    }

    public static Table Months(IndicatorReport r) => new("分月出生",
        ["月份", "出生", "男", "女", "计划内", "计划生育率（%）", "性别比"],
        r.Months.Select(m => new object?[] { m.Month.ToString("yyyy-MM"), m.Births, m.Boys, m.Girls, m.Compliant,
            Value(m.PlannedBirthRate), Value(m.SexRatio) }));

    private static object?[] Row(string area, string period, List<Figure> figures, bool flags) =>
        new object?[] { area, period }.Concat(figures.Select(f => Value(f.Value)))
            .Append(flags ? string.Join("；", figures.Where(f => f.Flag is not null).Select(f => f.Flag)) : "").ToArray();

    private static object Value(decimal? v) => v is { } x ? x : "—";

    private static string UnitSuffix(Unit u) => u switch
    {
        Unit.PerMille => "（‰）",
        Unit.Percent => "（%）",
        Unit.Abortion => "（100:x）",
        _ => "",
    };
}
