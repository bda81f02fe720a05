using FamilyPlanning.Core.Reports.Pdf;

namespace FamilyPlanning.Core.Tests.Reports;

public class LineBreakerTests
{
    // Every character is 1 wide: lines of at most 6 characters.
    private static List<string> Break(string text, double width = 6) => LineBreaker.Break(text, width, s => s.Length);

    [Fact]
    public void Chinese_BreaksBetweenAnyCharacters() =>
        Assert.Equal(["全镇总人口人", "已婚育龄妇女"], Break("全镇总人口人已婚育龄妇女"));

    [Fact]
    public void ClosingPunctuation_NeverStartsALine() =>
        // 「，」 would start line 2: the character before it is carried down with it.
        Assert.Equal(["计划生育工", "作，全面落实"], Break("计划生育工作，全面落实"));

    [Fact]
    public void ClosingPunctuationRun_CarriesTheCharacterBeforeIt() =>
        // 「）。」 may not start a line: 度 comes down with them.
        Assert.Equal(["快于指标进", "度）。"], Break("快于指标进度）。"));

    [Fact]
    public void OpeningPunctuation_NeverEndsALine() =>
        Assert.Equal(["全县出生人", "（男）"], Break("全县出生人（男）"));

    [Fact]
    public void Numbers_StayWhole()
    {
        var lines = Break("总人口57727人出生率8.04‰", 8);
        Assert.All(lines, l => Assert.True(l.Length <= 8));
        Assert.Contains(lines, l => l.Contains("57727"));
        Assert.Contains(lines, l => l.Contains("8.04‰"));
    }

    [Fact]
    public void NewLines_StartNewParagraphLines() =>
        Assert.Equal(["一、", "二、"], Break("一、\n二、"));
}
