using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Births;

public sealed record RegisterBirth
{
    [Required(ErrorMessage = "请选择母亲")]
    [Display(Name = "母亲")]
    public long? MotherId { get; init; }

    [StringLength(IdNumber.Length, ErrorMessage = "父亲公民身份号码应为18位")]
    [Display(Name = "父亲公民身份号码")]
    public string? FatherIdNumber { get; init; }

    [Required(ErrorMessage = "请填写出生日期")]
    [Display(Name = "出生日期")]
    public DateOnly? BirthDate { get; init; }

    [StringLength(Birth.PlaceMaxLength, ErrorMessage = "出生地点不能超过 {1} 个字符")]
    [Display(Name = "出生地点")]
    public string? Place { get; init; }

    [StringLength(Birth.CertificateMaxLength, ErrorMessage = "审批证号不能超过 {1} 个字符")]
    [Display(Name = "再生育审批证号")]
    public string? PermitNumber { get; init; }

    [Required(ErrorMessage = "请填写报告日期")]
    [Display(Name = "报告日期")]
    public DateOnly? ReportedOn { get; init; }

    public List<ChildInput> Children { get; init; } = [];
}

public sealed record ChildInput
{
    [StringLength(Person.NameMaxLength, ErrorMessage = "姓名不能超过 {1} 个字符")]
    [Display(Name = "婴儿姓名")]
    public string? Name { get; init; }

    [Display(Name = "性别")]
    public Sex? Sex { get; init; }

    [StringLength(Birth.CertificateMaxLength, ErrorMessage = "出生医学证明编号不能超过 {1} 个字符")]
    [Display(Name = "出生医学证明编号")]
    public string? CertificateNumber { get; init; }

    [StringLength(People.IdNumber.Length, ErrorMessage = "公民身份号码应为18位")]
    [Display(Name = "公民身份号码")]
    public string? IdNumber { get; init; }
}

public sealed record BirthEdit
{
    [StringLength(Birth.PlaceMaxLength, ErrorMessage = "出生地点不能超过 {1} 个字符")]
    [Display(Name = "出生地点")]
    public string? Place { get; init; }

    [StringLength(Birth.CertificateMaxLength, ErrorMessage = "出生医学证明编号不能超过 {1} 个字符")]
    [Display(Name = "出生医学证明编号")]
    public string? CertificateNumber { get; init; }

    [StringLength(Birth.CertificateMaxLength, ErrorMessage = "审批证号不能超过 {1} 个字符")]
    [Display(Name = "再生育审批证号")]
    public string? PermitNumber { get; init; }

    [Required(ErrorMessage = "请填写报告日期")]
    [Display(Name = "报告日期")]
    public DateOnly? ReportedOn { get; init; }
}

public sealed record PolicyOverride
{
    [Required(ErrorMessage = "请选择政策属性")]
    [Display(Name = "政策属性")]
    public PolicyStatus? Status { get; init; }

    [Required(ErrorMessage = "人工调整必须填写理由")]
    [StringLength(150, MinimumLength = 4, ErrorMessage = "理由应为 {2}–{1} 个字符")]
    [Display(Name = "调整理由")]
    public string? Reason { get; init; }
}

public sealed record BirthFilter(string? Query, string? VillageCode, DateOnly? From, DateOnly? To, int Page = 1);

public sealed record BirthRow(long Id, string ChildName, Sex Sex, DateOnly BirthDate, string MotherName, string? MotherIdNumber,
    string VillageName, int Parity, PolicyStatus PolicyStatus, bool PolicyOverridden, DateOnly ReportedOn);

public sealed record BirthResult(Guid DeliveryId, List<long> BirthIds, List<string> Warnings);
