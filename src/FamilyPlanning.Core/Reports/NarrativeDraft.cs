using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Reports;

/// <summary>The narrative of one summary (area + period code), kept as a draft between visits and audited on every save.</summary>
public class NarrativeDraft
{
    public const int SectionMaxLength = 4000;
    public const int NameMaxLength = 30;

    public long Id { get; set; }
    /// <summary>"county" or a township's code.</summary>
    public required string Area { get; set; }
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
    public async Task<NarrativeDraft?> GetAsync(string area, string periodCode, CancellationToken ct)
    {
        Check(area, write: false);
        return await db.Set<NarrativeDraft>().AsNoTracking().FirstOrDefaultAsync(n => n.Area == area && n.PeriodCode == periodCode, ct);
    }

    public async Task SaveAsync(string area, string periodCode, NarrativeInput input, CancellationToken ct)
    {
        Check(area, write: true);
        var draft = await db.Set<NarrativeDraft>().FirstOrDefaultAsync(n => n.Area == area && n.PeriodCode == periodCode, ct);
        if (draft is null)
        {
            draft = new NarrativeDraft { Area = area, PeriodCode = periodCode, TownshipCode = area == "county" ? null : area };
            db.Add(draft);
        }
        draft.Practices = input.Practices?.Trim() ?? "";
        draft.Problems = input.Problems?.Trim() ?? "";
        draft.Plans = input.Plans?.Trim() ?? "";
        draft.ResponsiblePerson = input.ResponsiblePerson?.Trim() ?? "";
        draft.Preparer = input.Preparer?.Trim() ?? "";
        await db.SaveOrExplainAsync(ct);
    }

    /// <summary>Whether this user may write the narrative of <paramref name="area"/>'s summaries.</summary>
    public bool CanWrite(string area) => May(area, write: true);

    private bool May(string area, bool write)
    {
        var s = current.Scope;
        return area == "county"
            ? s.ReadsWholeCounty && (!write || s.Roles.Contains(Roles.Official) || s.Roles.Contains(Roles.CountyStaff))
            : write ? s.CanWrite(area) || s.Roles.Contains(Roles.Official) || s.Roles.Contains(Roles.CountyStaff) : s.CanRead(area);
    }

    private void Check(string area, bool write)
    {
        if (!May(area, write)) throw new NotFoundOrForbidden("总结");
    }
}
