using System.ComponentModel.DataAnnotations;

namespace FamilyPlanning.Core.Subsidies;

public sealed record SubsidyApplication
{
    [Required(ErrorMessage = "请选择申请人")]
    public long? PersonId { get; init; }

    [Required(ErrorMessage = "请选择项目")]
    [Display(Name = "项目")]
    public Programme? Programme { get; init; }

    [Display(Name = "独生子女")]
    public long? ChildId { get; init; }

    [Range(0, 15, ErrorMessage = "申报男孩数应在 {1}–{2} 之间")]
    [Display(Name = "申报现有男孩数")]
    public int DeclaredBoys { get; init; }

    [Range(0, 15, ErrorMessage = "申报女孩数应在 {1}–{2} 之间")]
    [Display(Name = "申报现有女孩数")]
    public int DeclaredGirls { get; init; }

    [Required(ErrorMessage = "请填写申请日期")]
    [Display(Name = "申请日期")]
    public DateOnly? AppliedOn { get; init; }

    [StringLength(Beneficiary.NoteMaxLength, ErrorMessage = "备注不能超过 {1} 个字符")]
    [Display(Name = "备注")]
    public string? Note { get; init; }
}

public sealed record StepInput
{
    [StringLength(Beneficiary.NoteMaxLength, ErrorMessage = "说明不能超过 {1} 个字符")]
    [Display(Name = "说明")]
    public string? Note { get; init; }
}

public sealed record ExitInput
{
    [Required(ErrorMessage = "请选择退出原因")]
    [Display(Name = "退出原因")]
    public ExitReason? Reason { get; init; }

    [Required(ErrorMessage = "请填写退出日期")]
    [Display(Name = "退出日期")]
    public DateOnly? Date { get; init; }

    [StringLength(Beneficiary.NoteMaxLength, ErrorMessage = "说明不能超过 {1} 个字符")]
    [Display(Name = "说明")]
    public string? Note { get; init; }
}

public sealed record SubsidyFilter(Programme? Programme, BeneficiaryStatus? Status, string? VillageCode, string? Query, int Page = 1);

public sealed record BeneficiaryRow(long Id, string Name, string? IdNumber, string VillageName, Programme Programme,
    SubsidyCategory Category, BeneficiaryStatus Status, DateOnly AppliedOn, DateOnly? ApprovedOn);
