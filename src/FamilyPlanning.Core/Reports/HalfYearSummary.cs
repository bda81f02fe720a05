using FamilyPlanning.Core.Indicators;
using FamilyPlanning.Core.Places;
using static FamilyPlanning.Core.Indicators.Catalogue;

namespace FamilyPlanning.Core.Reports;

/// <summary>Everything a 上半年/下半年/全年 summary shows, computed from the registers (never typed): the area, the period,
/// the indicators with last year's, the opening paragraph of docs/domain.md §5 and the data-quality note.</summary>
public sealed record HalfYearSummary(string CountyName, string AreaName, bool IsCounty, TownshipKind? Kind, IndicatorReport Report,
    string Paragraph, string DataQuality)
{
    public string Title => $"{(IsCounty ? AreaName : CountyName + AreaName)}{Report.Period.Name}人口和计划生育工作总结";

    /// <summary>「全县」 for the county, 「全镇/全乡/全街道」 for a township.</summary>
    public static string WholeOf(bool isCounty, TownshipKind? kind) => isCounty ? "全县" : PlaceNames.Whole(kind ?? TownshipKind.Town);

    /// <summary>表1 (统1表), 表2 (统2表), 表2附 (流入, apart from the 户籍 tables) and 表3: one list of catalogue members
    /// under their headings, drawn by both the PDF and the HTML preview.</summary>
    public static readonly IReadOnlyList<SummaryTable> Tables =
    [
        new("table1", "表1  人口与出生情况（与上年同期比）", true,
            [(Population, "期末人口总数"), (Catalogue.Births, "本期出生"), (FirstChild, "一孩"), (SecondChild, "二孩"), (MultiChild, "多孩"),
             (BirthRate, "出生率"), (PlannedBirthRate, "计划生育率"), (SexRatio, "性别比")]),
        new("table2", "表2  节育情况", true,
            [(MarriedWcba, "已婚育龄妇女"), (ContraceptivePrevalence, "综合节育率"), (Sterilisations, "结扎"), (IudInsertions, "放环"),
             (IudRemovals, "取环"), (Implants, "皮埋"), (Abortions, "人流"), (InducedLabours, "引产")]),
        new("table2-in-migrants", "表2附  流入人口（单独统计，不计入以上各表）", true,
            [.. InMigrantFigures.Select(i => (i, i.Name))]),
        new("table3", "表3  四术完成情况", false,
            [(FourProcedures, "四术合计"), (FourProceduresTask, "全年任务"), (FourProceduresCompletion, "完成率"), (AbortionRatio, "人流比"),
             (BirthTargetShare, "占全年控制指标")]),
    ];

    /// <summary>表5: the county's townships ranked by planned-birth rate, these columns each.</summary>
    public static readonly IReadOnlyList<(Indicator Indicator, string Header)> TownshipColumns =
        [(Catalogue.Births, "出生"), (BirthRate, "出生率"), (PlannedBirthRate, "计划生育率"), (SexRatio, "性别比"), (ContraceptivePrevalence, "综合节育率")];

    /// <summary>表5: townships ranked by planned-birth rate (those without births last).</summary>
    public List<AreaIndicators> Ranked =>
        Report.Townships.OrderByDescending(t => t[PlannedBirthRate].Value ?? -1).ThenBy(t => t.Code).ToList();

    public static string ParagraphFor(AreaIndicators u, string whole, DateOnly end)
    {
        string T(Indicator i) => u[i].Text;
        return $"据统计，截止{end.Month}月{end.Day}日，{whole}总人口{T(Population)}人，已婚育龄妇女{T(MarriedWcba)}人，" +
               $"人口出生{T(Catalogue.Births)}人（男{T(Boys)}人，女{T(Girls)}人），计划内{T(CompliantBirths)}人，其中一孩{T(FirstChild)}人，" +
               $"二孩{T(SecondChild)}人，多孩{T(MultiChild)}人，出生率{T(BirthRate)}，计划生育率{T(PlannedBirthRate)}，" +
               $"二孩计生率{T(SecondChildCompliance)}，出生婴儿性别比{T(SexRatio)}。{whole}出生人口占县下达全年控制指标{T(BirthTarget)}人的" +
               $"{T(BirthTargetShare)}，自然增长率{T(NaturalGrowthRate)}。{whole}共完成四术{T(FourProcedures)}例，" +
               $"占全年任务{T(FourProceduresTask)}例的{T(FourProceduresCompletion)}，其中结扎{T(Sterilisations)}例，" +
               $"引产{T(InducedLabours)}例，人流{T(Abortions)}例，放环{T(IudInsertions)}例。";
    }
}

/// <summary>A table of the summary: its id (the preview's element id), title, columns, and whether it has a 上年同期 row.</summary>
public sealed record SummaryTable(string Id, string Title, bool WithLastYear, IReadOnlyList<(Indicator Indicator, string Header)> Columns)
{
    /// <summary>The rows as text: 本期 (and 上年同期) for one area.</summary>
    public List<List<string>> Rows(AreaIndicators u)
    {
        List<string> now = ["本期", .. Columns.Select(c => u[c.Indicator].Text)];
        var rows = new List<List<string>> { now };
        if (WithLastYear) rows.Add(["上年同期", .. Columns.Select(c => u.Last(c.Indicator).Text)]);
        return rows;
    }
}
