using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Reports;

/// <summary>The narrative of one summary (unit + period code), kept as a draft between visits and audited on every save.</summary>
public class NarrativeDraft
{
    public const int SectionMaxLength = 4000;
    public const int NameMaxLength = 30;

    public long Id { get; set; }
    /// <summary>"county" or a township's code.</summary>
    public required string Unit { get; set; }
    public required string PeriodCode { get; set; }
    public string? TownshipCode { get; set; }
    public string Practices { get; set; } = "";
    public string Problems { get; set; } = "";
    public string Plans { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";
    public string Preparer { get; set; } = "";
    public uint Version { get; set; }

    public Pdf.Narrative ToNarrative() => new(Practices, Problems, Plans, ResponsiblePerson, Preparer);
}

public sealed record NarrativeInput
{
    [StringLength(NarrativeDraft.SectionMaxLength, ErrorMessage = "主要做法不能超过 {1} 个字符")]
    [Display(Name = "二、主要做法")]
    public string? Practices { get; init; }

    [StringLength(NarrativeDraft.SectionMaxLength, ErrorMessage = "存在的问题不能超过 {1} 个字符")]
    [Display(Name = "三、存在的问题")]
    public string? Problems { get; init; }

    [StringLength(NarrativeDraft.SectionMaxLength, ErrorMessage = "工作计划不能超过 {1} 个字符")]
    [Display(Name = "四、下半年工作计划")]
    public string? Plans { get; init; }

    [StringLength(NarrativeDraft.NameMaxLength, ErrorMessage = "负责人不能超过 {1} 个字符")]
    [Display(Name = "负责人")]
    public string? ResponsiblePerson { get; init; }

    [StringLength(NarrativeDraft.NameMaxLength, ErrorMessage = "填表人不能超过 {1} 个字符")]
    [Display(Name = "填表人")]
    public string? Preparer { get; init; }
}

/// <summary>Officials and county staff write the county's narratives and read every township's; a clerk writes their own
/// township's.</summary>
public sealed class NarrativeService(AppDbContext db, ICurrentUser current)
{
    public async Task<NarrativeDraft?> GetAsync(string unit, string periodCode, CancellationToken ct)
    {
        Check(unit, write: false);
        return await db.Set<NarrativeDraft>().AsNoTracking().FirstOrDefaultAsync(n => n.Unit == unit && n.PeriodCode == periodCode, ct);
    }

    public async Task SaveAsync(string unit, string periodCode, NarrativeInput input, CancellationToken ct)
    {
        Check(unit, write: true);
        var draft = await db.Set<NarrativeDraft>().FirstOrDefaultAsync(n => n.Unit == unit && n.PeriodCode == periodCode, ct);
        if (draft is null)
        {
            draft = new NarrativeDraft { Unit = unit, PeriodCode = periodCode, TownshipCode = unit == "county" ? null : unit };
            db.Add(draft);
        }
        draft.Practices = input.Practices?.Trim() ?? "";
        draft.Problems = input.Problems?.Trim() ?? "";
        draft.Plans = input.Plans?.Trim() ?? "";
        draft.ResponsiblePerson = input.ResponsiblePerson?.Trim() ?? "";
        draft.Preparer = input.Preparer?.Trim() ?? "";
        await db.SaveOrExplainAsync(ct);
    }

    /// <summary>Whether this user may write the narrative of <paramref name="unit"/>'s summaries.</summary>
    public bool CanWrite(string unit) => May(unit, write: true);

    private bool May(string unit, bool write)
    {
        var s = current.Scope;
        return unit == "county"
            ? s.ReadsWholeCounty && (!write || s.Roles.Contains(Roles.Official) || s.Roles.Contains(Roles.CountyStaff))
            : write ? s.CanWrite(unit) || s.Roles.Contains(Roles.Official) || s.Roles.Contains(Roles.CountyStaff) : s.CanRead(unit);
    }

    private void Check(string unit, bool write)
    {
        if (!May(unit, write)) throw new NotFoundOrForbidden("总结");
    }
}
