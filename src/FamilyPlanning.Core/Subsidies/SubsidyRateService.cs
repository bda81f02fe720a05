using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Places;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Subsidies;

public sealed record SubsidyRateInput
{
    [Required(ErrorMessage = "请选择项目")]
    [Display(Name = "项目")]
    public Programme? Programme { get; init; }

    [Display(Name = "类别")]
    public SubsidyCategory Category { get; init; }

    [RegularExpression(@"^(\d{2}|\d{4}|\d{6}|\d{12})$", ErrorMessage = "地区代码应为2位（省）、4位（市）、6位（县）或12位数字，全国标准不填")]
    [Display(Name = "地区代码")]
    public string? RegionCode { get; init; }

    [Required(ErrorMessage = "请填写生效日期")]
    [Display(Name = "生效日期")]
    public DateOnly? EffectiveFrom { get; init; }

    [Required(ErrorMessage = "请填写月标准")]
    [Range(typeof(decimal), "0.01", "100000", ErrorMessage = "月标准应在 {1}–{2} 元之间")]
    [Display(Name = "月标准（元）")]
    public decimal? MonthlyAmount { get; init; }

    [Range(1, 30, ErrorMessage = "截止年龄应在 {1}–{2} 岁之间")]
    [Display(Name = "独生子女截止年龄")]
    public int? MaxChildAge { get; init; }

    [StringLength(SubsidyRate.NoteMaxLength, ErrorMessage = "说明不能超过 {1} 个字符")]
    [Display(Name = "说明")]
    public string? Note { get; init; }
}

/// <summary>The dated rate table (Admin). Rates are data: a new row from a date changes every payment computed after it.</summary>
public sealed class SubsidyRateService(AppDbContext db, ICurrentUser current)
{
    private const string UniqueIndex = "ix_subsidy_rates_programme_category_region_code_effective_from";

    public Task<List<SubsidyRate>> ListAsync(CancellationToken ct) =>
        db.SubsidyRates.AsNoTracking().OrderBy(r => r.Programme).ThenBy(r => r.Category).ThenBy(r => r.RegionCode).ThenBy(r => r.EffectiveFrom).ToListAsync(ct);

    public async Task AddAsync(SubsidyRateInput input, CancellationToken ct)
    {
        if (!current.Scope.Roles.Contains(Roles.Admin)) throw new NotFoundOrForbidden("扶助标准");
        var programme = input.Programme ?? throw new RuleViolation(nameof(input.Programme), "请选择项目");
        if ((programme == Programme.SpecialSupport) != (input.Category != SubsidyCategory.Standard))
            throw new RuleViolation(nameof(input.Category), "特扶须选择死亡/伤残×城镇/农村类别，其他项目选“标准”");
        if (programme == Programme.OneChildReward && input.MaxChildAge is null)
            throw new RuleViolation(nameof(input.MaxChildAge), "独生子女父母奖励费须填写截止年龄（如18）");
        db.SubsidyRates.Add(new SubsidyRate
        {
            Programme = programme,
            Category = input.Category,
            RegionCode = Rules.Optional(input.RegionCode),
            EffectiveFrom = input.EffectiveFrom ?? throw new RuleViolation(nameof(input.EffectiveFrom), "请填写生效日期"),
            MonthlyAmount = input.MonthlyAmount ?? throw new RuleViolation(nameof(input.MonthlyAmount), "请填写月标准"),
            MaxChildAge = programme == Programme.OneChildReward ? input.MaxChildAge : null,
            Note = input.Note?.Trim() ?? "",
        });
        await db.SaveOrExplainAsync(ct, (UniqueIndex, nameof(input.EffectiveFrom), "该项目、类别、地区在这一天已有标准"));
    }

    /// <summary>Removes a row entered by mistake. Amounts already put on payment runs keep what they were.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        if (!current.Scope.Roles.Contains(Roles.Admin)) throw new NotFoundOrForbidden("扶助标准");
        var rate = await db.SubsidyRates.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundOrForbidden("扶助标准");
        db.SubsidyRates.Remove(rate);
        await db.SaveOrExplainAsync(ct);
    }
}
