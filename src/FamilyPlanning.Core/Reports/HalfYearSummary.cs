using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Core.Reports;

/// <summary>Everything a 上半年/下半年/全年 summary shows, computed from the registers (never typed): the unit, the period,
/// the indicators with last year's, the opening paragraph of DOMAIN.md §5 and the data-quality note.</summary>
public sealed record HalfYearSummary(string CountyName, string UnitName, bool IsCounty, TownshipKind? Kind, IndicatorReport Report,
    string Paragraph, string DataQuality)
{
    public string Title => $"{(IsCounty ? UnitName : CountyName + UnitName)}{Report.Period.Name}人口和计划生育工作总结";

    /// <summary>「全县」 for the county, 「全镇/全乡/全街道」 for a township.</summary>
    public static string WholeOf(bool isCounty, TownshipKind? kind) => isCounty ? "全县" : PlaceNames.Whole(kind ?? TownshipKind.Town);

    /// <summary>The columns of 表1 (统1表, with last year) and 表2 (统2表), shared by the PDF and the HTML preview.</summary>
    public static readonly string[] BirthTableKeys =
        ["population", "births", "first_child", "second_child", "multi_child", "birth_rate", "planned_birth_rate", "sex_ratio"];
    public static readonly string[] ContraceptionTableKeys =
        ["married_wcba", "contraceptive_prevalence", "sterilisations", "iud_insertions", "iud_removals", "implants", "abortions", "induced_labours"];
    /// <summary>流入 figures, reported apart from the 户籍 tables (表2附).</summary>
    public static readonly string[] InMigrantTableKeys =
        ["in_migrants", "in_migrant_births", "in_migrant_married_wcba", "in_migrant_prevalence"];
    public const string InMigrantTableTitle = "表2附  流入人口（单独统计，不计入以上各表）";

    /// <summary>表5: townships ranked by planned-birth rate (those without births last).</summary>
    public List<UnitIndicators> Ranked =>
        Report.Townships.OrderByDescending(t => t["planned_birth_rate"].Value ?? -1).ThenBy(t => t.Code).ToList();

    public static string ParagraphFor(UnitIndicators u, string whole, DateOnly end)
    {
        string T(string key) => u[key].Text;
        return $"据统计，截止{end.Month}月{end.Day}日，{whole}总人口{T("population")}人，已婚育龄妇女{T("married_wcba")}人，" +
               $"人口出生{T("births")}人（男{T("boys")}人，女{T("girls")}人），计划内{T("compliant_births")}人，其中一孩{T("first_child")}人，" +
               $"二孩{T("second_child")}人，多孩{T("multi_child")}人，出生率{T("birth_rate")}，计划生育率{T("planned_birth_rate")}，" +
               $"二孩计生率{T("second_child_compliance")}，出生婴儿性别比{T("sex_ratio")}。{whole}出生人口占县下达全年控制指标{T("birth_target")}人的" +
               $"{T("birth_target_share")}，自然增长率{T("natural_growth_rate")}。{whole}共完成四术{T("four_procedures")}例，" +
               $"占全年任务{T("four_procedures_task")}例的{T("four_procedures_completion")}，其中结扎{T("sterilisations")}例，" +
               $"引产{T("induced_labours")}例，人流{T("abortions")}例，放环{T("iud_insertions")}例。";
    }
}
