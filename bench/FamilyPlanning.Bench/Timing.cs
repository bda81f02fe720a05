using System.Diagnostics;
using System.Globalization;

namespace FamilyPlanning.Bench;

/// <summary>Wall times of repeated runs: median and spread (min–max), in seconds.</summary>
public sealed record Timing(double Median, double Min, double Max, int Runs)
{
    /// <summary><paramref name="before"/> runs before each run, outside the timed part (a write, so the run is "right after
    /// a write").</summary>
    public static async Task<Timing> MeasureAsync(int runs, Func<Task> work, bool warmUp = true, Func<Task>? before = null)
    {
        if (warmUp) await work();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            if (before is not null) await before();
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        return new Timing(times[times.Count / 2], times[0], times[^1], runs);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Median:0.000} s ({Min:0.000}–{Max:0.000}, {Runs} runs)");
}
