using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Births;

public sealed record PolicyRuleInput
{
    [Required(ErrorMessage = "请填写生效日期")]
    [Display(Name = "生效日期")]
    public DateOnly? EffectiveFrom { get; init; }

    [Required(ErrorMessage = "请填写政策允许子女数")]
    [Range(1, 10, ErrorMessage = "政策允许子女数应在 {1}–{2} 之间")]
    [Display(Name = "政策允许子女数")]
    public int? MaxChildren { get; init; }

    [StringLength(PolicyRule.NoteMaxLength, ErrorMessage = "说明不能超过 {1} 个字符")]
    [Display(Name = "说明")]
    public string? Note { get; init; }
}

/// <summary>The dated policy table (Admin). A change applies to births registered or renumbered after it; births already
/// judged keep their status until their mother's births are next recomputed.</summary>
public sealed class PolicyRuleService(AppDbContext db, ICurrentUser current)
{
    public Task<List<PolicyRule>> ListAsync(CancellationToken ct) =>
        db.PolicyRules.AsNoTracking().OrderBy(r => r.EffectiveFrom).ToListAsync(ct);

    public async Task AddAsync(PolicyRuleInput input, CancellationToken ct)
    {
        RequireAdmin();
        var from = input.EffectiveFrom ?? throw new RuleViolation(nameof(input.EffectiveFrom), "请填写生效日期");
        if (await db.PolicyRules.AnyAsync(r => r.EffectiveFrom == from, ct))
            throw new RuleViolation(nameof(input.EffectiveFrom), $"{from:yyyy-MM-dd} 已有规则，请修改该行");
        db.PolicyRules.Add(new PolicyRule
        {
            EffectiveFrom = from,
            MaxChildren = input.MaxChildren ?? throw new RuleViolation(nameof(input.MaxChildren), "请填写政策允许子女数"),
            Note = input.Note?.Trim() ?? "",
        });
        await db.SaveOrExplainAsync(ct);
    }

    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        RequireAdmin();
        var rule = await db.PolicyRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundOrForbidden("政策规则");
        if (await db.PolicyRules.CountAsync(ct) == 1) throw new RuleViolation(null, "至少保留一条政策规则");
        db.PolicyRules.Remove(rule);
        await db.SaveOrExplainAsync(ct);
    }

    private void RequireAdmin()
    {
        if (!current.Scope.Roles.Contains(Roles.Admin)) throw new NotFoundOrForbidden("政策规则");
    }
}
