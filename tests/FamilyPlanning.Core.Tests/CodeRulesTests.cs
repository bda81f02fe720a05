using System.Text.RegularExpressions;

namespace FamilyPlanning.Core.Tests;

/// <summary>
/// Rules about the code itself, checked over every file of the repository rather than a list: the project carries its own
/// domain documentation, pages neither build HTML in C# nor decide what a service decides, and tests never read the wall
/// clock (the portal under test runs on a fake one).
/// </summary>
public class CodeRulesTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FamilyPlanning.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>The repository's own text files (sources, pages, scripts, docs), without build output and vendored libraries.</summary>
    private static IEnumerable<string> Files(string under, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Root, under), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f => !Regex.IsMatch(Path.GetRelativePath(Root, f), @"(^|/)(bin|obj|lib|node_modules|artifacts|\.git)/"));

    private static List<string> Offending(IEnumerable<string> files, Regex pattern) =>
        files.SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => pattern.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();

    [Fact]
    public void DomainKnowledge_IsTheProjectsOwn_NoReferenceToAFileOutsideIt()
    {
        var everywhere = new[] { "src", "tests", "bench", ".ci", ".github" }.Where(d => Directory.Exists(Path.Combine(Root, d)))
            .SelectMany(d => Files(d, ".cs", ".cshtml", ".sh", ".md", ".yml", ".sql", ".js", ".css"))
            .Concat(new[] { "README.md", "run.sh", "test.sh" }.Select(f => Path.Combine(Root, f)));
        Assert.Empty(Offending(everywhere, new Regex(@"DOMAIN\.md|\.\./shared")));
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains("docs/domain.md", readme);
        Assert.Contains("## Glossary", File.ReadAllText(Path.Combine(Root, "docs", "domain.md")));
    }

    [Fact]
    public void PageModels_BuildNoHtml()
    {
        var pageModels = Files("src/FamilyPlanning.Web/Pages", ".cs");
        Assert.Empty(Offending(pageModels, new Regex(@"HtmlEncoder|HtmlString|StringBuilder|""\s*<[a-z]|""""""\s*<[a-z]")));
    }

    [Fact]
    public void PageModels_AskTheServices_WhoMayWriteAndWhichPeriod()
    {
        var pageModels = Files("src/FamilyPlanning.Web/Pages", ".cs");
        // A page that guards a record by its own write check, or builds a summary's period code, decides what a service decides.
        Assert.Empty(Offending(pageModels, new Regex(@"CanWrite\(.*NotFound|NotFound.*CanWrite\(|\{Year\}\{Part\}|\{Year\}H")));
    }

    [Fact]
    public void Tests_ReadTheTestClock_NotTheWallClock()
    {
        var tests = Files("tests", ".cs").Where(f => !f.EndsWith("CodeRulesTests.cs"));
        Assert.Empty(Offending(tests, new Regex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider\.System")));
    }

    [Fact]
    public void Sources_TakeTheClockFromTheContainer()
    {
        var sources = Files("src", ".cs").Where(f => !f.EndsWith("PortalServices.cs"));
        Assert.Empty(Offending(sources, new Regex(@"DateTime(Offset)?\.(Now|UtcNow|Today)\b|TimeProvider\.System")));
    }
}
