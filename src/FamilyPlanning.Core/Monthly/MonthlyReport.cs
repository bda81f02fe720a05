namespace FamilyPlanning.Core.Monthly;

/// <summary>月报 of one township for one month. No row means 未上报. Submitted and approved months are locked: records dated in
/// them cannot be created, changed or deleted until the county returns or reopens the month.</summary>
public class MonthlyReport
{
    public const int ReasonMaxLength = 200;

    public long Id { get; set; }
    public required string TownshipCode { get; set; }
    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; set; }
    public ReportStatus Status { get; set; }
    /// <summary>The first submission (补报 are births reported after it) and the latest.</summary>
    public DateOnly? FirstSubmittedOn { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    /// <summary>The month's figures frozen at the latest submission and approval (JSON of <see cref="MonthFigures"/>).</summary>
    public string? SubmittedSnapshot { get; set; }
    public string? ApprovedSnapshot { get; set; }
    /// <summary>The clerk's comments on the warnings of the latest submission (JSON: finding key → comment).</summary>
    public string? WarningComments { get; set; }
    public List<MonthlyReportStep> Steps { get; } = [];
    public uint Version { get; set; }

    public bool IsLocked => Status is ReportStatus.Submitted or ReportStatus.Approved;
}

public enum ReportStatus { Open = 0, Submitted = 1, Approved = 2, Returned = 3, Reopened = 4 }

public class MonthlyReportStep
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public ReportStatus Status { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public string Reason { get; set; } = "";
}

public static class ReportNames
{
    public static string Of(ReportStatus s) => s switch
    {
        ReportStatus.Submitted => "已上报",
        ReportStatus.Approved => "已审核",
        ReportStatus.Returned => "已退回",
        ReportStatus.Reopened => "已重新打开",
        _ => "未上报",
    };
}
