namespace FamilyPlanning.Core.Settings;

/// <summary>The county's settings (one row): when the statistical year starts, the monthly report deadline, and whether
/// exempted women (不孕/绝经/孕期) are left out of the contraceptive-prevalence denominator.</summary>
public class PortalSettings
{
    public int Id { get; set; } = 1;
    /// <summary>1 = calendar year; 10 = statistical year 1 Oct – 30 Sep (docs/domain.md §3).</summary>
    public int YearStartMonth { get; set; } = 1;
    public int ReportDeadlineDay { get; set; } = 5;
    public bool ExcludeExemptFromPrevalence { get; set; } = true;
    public uint Version { get; set; }
}
