using FamilyPlanning.Core.Audit;

namespace FamilyPlanning.Core.Imports;

/// <summary>One upload: who, when, which file, what it did, and every problem found (kept so the error report can be
/// downloaded again). The rows it wrote are audited one by one; this is the log of the attempt itself.</summary>
[NotAudited]
public class ImportRun
{
    public const int FileNameMaxLength = 200;
    /// <summary>Problems kept per run; a file with more is rejected all the same and says how many were left out.</summary>
    public const int MaxProblemsKept = 5000;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string TownshipCode { get; set; }
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }
    public int Rows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public bool Succeeded { get; set; }
    public int ProblemCount { get; set; }
    /// <summary>JSON array of <see cref="ImportProblem"/>, at most <see cref="MaxProblemsKept"/>.</summary>
    public string Problems { get; set; } = "[]";
    public double Seconds { get; set; }
}
