using System.Globalization;
using FamilyPlanning.Bench;

// bench/run.sh drives this: FamilyPlanning.Bench --web <FamilyPlanning.Web.dll> --out docs/benchmarks.md [--scales 1,10]
// [--runs 7] [--period 2026H1]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var scales = Arg("--scales", "1,10").Split(',').Select(int.Parse).ToList();
var runs = int.Parse(Arg("--runs", "7"));
var web = Path.GetFullPath(Arg("--web", "src/FamilyPlanning.Web/bin/Release/net10.0/FamilyPlanning.Web.dll"));
var output = Arg("--out", "docs/benchmarks.md");
var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
var period = Arg("--period", today.Month > 6 ? $"{today.Year}H1" : $"{today.Year - 1}H2");

var started = DateTime.UtcNow;
var results = new List<ScaleFigures>();
foreach (var scale in scales)
{
    results.Add(await new ScaleRun(scale, runs, web, period).RunAsync());
    GC.Collect();
}
var markdown = BenchReport.Write(results, period, DateTime.UtcNow - started, string.Join(" ", args));
await File.WriteAllTextAsync(output, markdown);
ScaleRun.Log($"wrote {output}");
return results.Any(r => r.Differences.Count > 0) ? 1 : 0;
