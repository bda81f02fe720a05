using FamilyPlanning.Core.Reports.Pdf;
using UglyToad.PdfPig;

namespace FamilyPlanning.Core.Tests.Reports;

public class PdfReportTests
{
    [Fact]
    public void Report_ChineseTextTablesAndPageNumbers_ReadBack()
    {
        using var report = new PdfReport(null, "测试县2026年上半年人口和计划生育工作总结");
        report.Title("测试县2026年上半年人口和计划生育工作总结");
        report.Heading("一、各项任务完成情况");
        for (var i = 0; i < 30; i++)
            report.Paragraph($"据统计，截止6月30日，全县总人口250630人，已婚育龄妇女40000人，第{i + 1}段。出生率4.79‰，计划生育率99.17%，出生婴儿性别比106.2。");
        report.Table(["乡镇", "出生", "出生率", "计划生育率"],
            Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"乡镇{i}", $"{i}", "5.06‰", "100.00%"]), [3, 1, 1, 1.5]);
        var bytes = report.Save();

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 3, $"pages: {pdf.NumberOfPages}");
        var first = pdf.GetPage(1).Text;
        Assert.Contains("测试县2026年上半年人口和计划生育工作总结", first);
        Assert.Contains("据统计，截止6月30日", first);
        var n = pdf.NumberOfPages;
        for (var p = 1; p <= n; p++)
            Assert.Contains($"第{p}页共{n}页", pdf.GetPage(p).Text.Replace(" ", ""));
        // The table runs over a page break and its header is repeated there.
        var withRows = Enumerable.Range(1, n).Where(p => pdf.GetPage(p).Text.Contains("乡镇6")).ToList();
        var last = pdf.GetPage(n).Text;
        Assert.Contains("乡镇60", last);
        Assert.Contains("计划生育率", last);
        Assert.NotEmpty(withRows);
    }

    [Fact]
    public void MissingFont_SaysWhatToInstallInChinese() =>
        Assert.StartsWith("未找到中文字体文件 /nonexistent/font.ttf。请安装 fonts-arphic-gbsn00lp",
            Assert.Throws<InvalidOperationException>(() => CjkFontResolver.ReadFont("/nonexistent/font.ttf")).Message);
}
