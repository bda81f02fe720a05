using System.Diagnostics.Metrics;

namespace FamilyPlanning.Core.Common;

/// <summary>The portal's own metrics (exported with ASP.NET Core's and Npgsql's at /metrics): imports and their rows and
/// time, and how long each indicator report took to compute.</summary>
public static class PortalMetrics
{
    public const string MeterName = "FamilyPlanning";
    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Imports = Meter.CreateCounter<long>("fp.imports", description: "Imports finished, by register and outcome");
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("fp.import.rows", description: "Rows read by imports, by register");
    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("fp.import.duration", "s", "Time to read, check and write an import");
    public static readonly Histogram<double> ReportDuration = Meter.CreateHistogram<double>("fp.report.duration", "s", "Time to compute an indicator report (a period with last year)");
}
