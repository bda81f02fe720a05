using FamilyPlanning.Core.Indicators;
using PdfSharp.Drawing;

namespace FamilyPlanning.Core.Reports.Pdf;

/// <summary>The summary as an A4 PDF in the order of the official documents: title, 一、各项任务完成情况 with the opening
/// paragraph, the 统1表/统2表/四术/扶助 tables, the township table (county), two vector charts, the narrative sections, the
/// data-quality note and the signature block.</summary>
public static class SummaryPdf
{
    public static byte[] Render(HalfYearSummary s, Narrative narrative, string? fontPath, DateOnly today)
    {
        using var pdf = new PdfReport(fontPath, s.Title);
        var r = s.Report;
        var u = r.Total;
        pdf.Title(s.Title);
        pdf.Subtitle($"（{r.Period.From:yyyy年M月d日}至{r.Period.To:yyyy年M月d日}）");
        pdf.Heading("一、各项任务完成情况");
        pdf.Paragraph("（一）计生指标完成情况", indent: false);
        pdf.Paragraph(s.Paragraph);

        foreach (var table in HalfYearSummary.Tables)
        {
            pdf.Paragraph(table.Title, indent: false);
            pdf.Table(["项目", .. table.Columns.Select(c => c.Header)], table.Rows(u).Select(r => (IReadOnlyList<string>)r),
                [1.1, .. table.Columns.Select(c => Math.Max(0.8, c.Header.Length * 0.22))]);
        }

        if (u.Counts.Subsidies.Count > 0)
        {
            pdf.Paragraph("表4  计划生育扶助情况", indent: false);
            pdf.Table(["项目", "新增", "继续享受", "退出", "发放金额（元）"],
                u.Counts.Subsidies.OrderBy(x => x.Key).Select(x => (IReadOnlyList<string>)[Subsidies.SubsidyNames.Of(x.Key),
                    x.Value.New.ToString(), x.Value.Continuing.ToString(), x.Value.Exited.ToString(), x.Value.Paid.ToString("N2")]),
                [1.6, 1, 1, 1, 1.4]);
        }

        if (s.IsCounty)
        {
            pdf.Paragraph("表5  各乡镇主要指标及排名（按计划生育率）", indent: false);
            var ranked = s.Ranked;
            var columns = HalfYearSummary.TownshipColumns;
            pdf.Table(["排名", "乡镇", .. columns.Select(c => c.Header), "提示"],
                ranked.Select((t, i) => (IReadOnlyList<string>)[(i + 1).ToString(), t.Name, .. columns.Select(c => t[c.Indicator].Text),
                    t.Figures.Any(f => f.Flag is not null) ? "※" : ""]),
                [0.6, 1.4, 0.7, 1, 1.1, 0.9, 1.1, 0.6]);
            pdf.Paragraph("※ 标注的乡镇有需要关注的指标（性别比超出正常范围、计划生育率低于目标或出生快于指标进度）。", indent: false);
        }

        BarChart(pdf, "图1  分月出生人数（男/女）", r.Months.Select(m => $"{m.Month.Month}月").ToList(),
            [(r.Months.Select(m => (double)m.Boys).ToList(), XColors.SteelBlue), (r.Months.Select(m => (double)m.Girls).ToList(), XColors.PaleVioletRed)]);
        var planned = s.IsCounty
            ? r.Townships.Select(t => (t.Name, (double)(t[Catalogue.PlannedBirthRate].Value ?? 0))).ToList()
            : r.Months.Select(m => ($"{m.Month.Month}月", (double)(m.PlannedBirthRate ?? 0))).ToList();
        BarChart(pdf, s.IsCounty ? "图2  各乡镇计划生育率（%）" : "图2  分月计划生育率（%）", planned.Select(p => p.Item1).ToList(),
            [(planned.Select(p => p.Item2).ToList(), XColors.SeaGreen)]);

        pdf.Heading("二、主要做法");
        pdf.Paragraph(Text(narrative.Practices));
        pdf.Heading("三、存在的问题");
        pdf.Paragraph(Text(narrative.Problems));
        pdf.Heading("四、下半年工作计划");
        pdf.Paragraph(Text(narrative.Plans));
        pdf.Heading("数据质量说明");
        pdf.Paragraph(s.DataQuality);
        pdf.Paragraph($"负责人：{narrative.ResponsiblePerson}　　　　填表人：{narrative.Preparer}　　　　填报日期：{today:yyyy年M月d日}", indent: false);
        return pdf.Save();
    }

    private static string Text(string? s) => string.IsNullOrWhiteSpace(s) ? "（未填写）" : s.Trim();

    /// <summary>A vector bar chart with value labels; several series are drawn side by side.</summary>
    private static void BarChart(PdfReport pdf, string title, List<string> labels, List<(List<double> values, XColor color)> series)
    {
        var (g, area) = pdf.Reserve(190);
        var font = new XFont(CjkFontResolver.Face, 8);
        g.DrawString(title, new XFont(CjkFontResolver.Face, 10, XFontStyleEx.Bold), XBrushes.Black, new XPoint(area.X, area.Y + 10));
        var plot = new XRect(area.X + 28, area.Y + 22, area.Width - 36, area.Height - 52);
        var max = Math.Max(1, series.SelectMany(s => s.values).DefaultIfEmpty(0).Max());
        g.DrawLine(XPens.Gray, plot.Left, plot.Bottom, plot.Right, plot.Bottom);
        g.DrawLine(XPens.Gray, plot.Left, plot.Top, plot.Left, plot.Bottom);
        g.DrawString(max.ToString("0.##"), font, XBrushes.Gray, new XPoint(area.X, plot.Top + 6));
        g.DrawString("0", font, XBrushes.Gray, new XPoint(area.X + 18, plot.Bottom));
        if (labels.Count == 0) return;
        var slot = plot.Width / labels.Count;
        var barWidth = Math.Min(18, slot * 0.8 / series.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            for (var k = 0; k < series.Count; k++)
            {
                var v = series[k].values[i];
                var h = v / max * plot.Height;
                var x = plot.Left + i * slot + (slot - barWidth * series.Count) / 2 + k * barWidth;
                g.DrawRectangle(new XSolidBrush(series[k].color), x, plot.Bottom - h, barWidth - 1, h);
                if (series.Count == 1 || labels.Count <= 12)
                    g.DrawString(v.ToString("0.##"), font, XBrushes.Black, new XRect(x - 6, plot.Bottom - h - 10, barWidth + 12, 9), XStringFormats.TopCenter);
            }
            // Many bars leave room for two characters a label (王凤楼镇 → 王凤); the table above has the full names.
            var room = labels.Count > 12 ? 2 : 4;
            var label = labels[i].Length > room ? labels[i][..room] : labels[i];
            g.DrawString(label, font, XBrushes.Black, new XRect(plot.Left + i * slot, plot.Bottom + 3, slot, 10), XStringFormats.TopCenter);
        }
    }
}

/// <summary>The officials' own text for a summary (drafts are kept per area and period).</summary>
public sealed record Narrative(string? Practices, string? Problems, string? Plans, string? ResponsiblePerson, string? Preparer);
