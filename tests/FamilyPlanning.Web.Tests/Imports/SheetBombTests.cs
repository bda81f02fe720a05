using System.Diagnostics;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Imports;

namespace FamilyPlanning.Web.Tests.Imports;

[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;

/// <summary>
/// Decompression bombs are refused quickly and without taking memory: each expands to about 1 GiB (or claims 1 000 bytes
/// and expands to that), and must stop at the first limit in under a second with the process growing less than 100 MB.
/// Runs alone (no parallel tests) so the process's memory is this test's.
/// </summary>
[Collection(nameof(MemoryMeasured))]
[Trait("Category", "DateIndependent")] // sizes, faults and exposure: ./test.sh runs it at the default clock only
public class SheetBombTests
{
    private const string SmallRow = "<row><c t=\"inlineStr\"><is><t>炸弹</t></is></c></row>";

    private static byte[] Bomb(string kind, bool lie) => kind switch
    {
        // About 1.5 GiB of small rows: the row limit.
        "rows" => XlsxBombs.Build("", SmallRow, 1L << 25, "", lieAboutSize: lie),
        // One cell of 1.5 GiB.
        "one cell" => XlsxBombs.Build("<row><c t=\"inlineStr\"><is><t>", "数据数据数据数据", 1L << 26, "</t></is></c></row>", lieAboutSize: lie),
        // One row of 64 million columns.
        "wide row" => XlsxBombs.Build("<row>", "<c><v>1</v></c>", 1L << 26, "</row>", lieAboutSize: lie),
        // 1.5 GiB of blank rows.
        "blank rows" => XlsxBombs.Build("", "<row/>", 1L << 28, "", lieAboutSize: lie),
        // 1 GiB of whitespace inside the sheet.
        "whitespace" => XlsxBombs.Build("", new string(' ', 64), 1L << 24, "", lieAboutSize: lie),
        // 0.75 GiB of shared strings.
        "shared strings" => XlsxBombs.Build("", "", 1L << 24, "", sharedStrings: "<si><t>共享字符串共享字符串</t></si>", lieAboutSize: lie),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Each bomb twice: with its true sizes in the zip (refused from the declared size before inflating anything) and with
    /// every size rewritten to 200 MB (under the sheet limit), so the limits checked while reading must stop it.
    /// </summary>
    [Theory]
    [InlineData("rows", false, "解压后过大")]
    [InlineData("rows", true, "行数据")]
    [InlineData("one cell", false, "解压后过大")]
    [InlineData("one cell", true, "第 1 行第 1 列的内容超过 1000 个字符")]
    [InlineData("wide row", false, "解压后过大")]
    [InlineData("wide row", true, "超过 64 列")]
    [InlineData("blank rows", false, "解压后过大")]
    [InlineData("blank rows", true, "行数据")]
    [InlineData("whitespace", false, "解压后过大")]
    [InlineData("whitespace", true, "无法读取")]
    [InlineData("shared strings", false, "解压后过大")]
    [InlineData("shared strings", true, "共享字符串超过 64 MB")]
    public void Read_Bomb_RefusedInUnderASecondWithoutMemory(string kind, bool lyingSizes, string messagePart)
    {
        var file = Bomb(kind, lyingSizes);
        Assert.True(file.Length < 20 * 1024 * 1024, $"{kind}: the bomb itself is {file.Length} bytes");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        long peak = before;
        var stop = false;
        var sampler = new Thread(() =>
        {
            using var own = Process.GetCurrentProcess();
            while (!Volatile.Read(ref stop))
            {
                own.Refresh();
                Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), own.WorkingSet64));
                Thread.Sleep(5);
            }
        });
        sampler.Start();
        var watch = Stopwatch.StartNew();
        var refused = Assert.Throws<RuleViolation>(() => SheetReader.Read("bomb.xlsx", new MemoryStream(file, writable: false)));
        watch.Stop();
        Volatile.Write(ref stop, true);
        sampler.Join();
        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);

        Assert.Contains(messagePart, refused.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{kind}: refused after {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.True(peak - before < 100L * 1024 * 1024, $"{kind}: the process grew by {(peak - before) / 1024 / 1024} MB");
    }
}
