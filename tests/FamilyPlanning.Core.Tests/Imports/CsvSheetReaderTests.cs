using System.Text;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Imports;

namespace FamilyPlanning.Core.Tests.Imports;

public class CsvSheetReaderTests
{
    /// <summary>Large enough that characters of three bytes fall across the reader's 64 KB chunks.</summary>
    private static string ManyRows(int rows) =>
        "户编号,姓名\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"B{i:D6},测试路{i}号妻子{i}\n"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_LargeUtf8_WithOrWithoutBom_ReadsEveryRow(bool bom)
    {
        var text = ManyRows(20_000);
        byte[] bytes = bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);
        var sheet = SheetReader.Read("p.csv", bytes);
        Assert.Equal(20_000, sheet.Rows.Count);
        Assert.Equal("测试路19999号妻子19999", sheet.Rows[^1].Cells[1]);
    }

    [Fact]
    public void Read_LargeGbk_ReadsEveryRow()
    {
        var sheet = SheetReader.Read("p.csv", SheetReader.Gb18030.GetBytes(ManyRows(20_000)));
        Assert.Equal("测试路19999号妻子19999", sheet.Rows[^1].Cells[1]);
    }

    [Fact]
    public void Read_GbkWithAnInvalidSequence_NamesTheRowAndColumn()
    {
        var bytes = SheetReader.Gb18030.GetBytes("户编号,姓名\nB1,张三\nB2,李@\n");
        bytes[Array.IndexOf(bytes, (byte)'@')] = 0xFF;
        var refused = Assert.Throws<RuleViolation>(() => SheetReader.Read("p.csv", bytes));
        Assert.StartsWith("第 3 行第 2 列有无法识别的字符", refused.Message);
    }
}
