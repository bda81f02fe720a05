using System.ComponentModel.DataAnnotations;

namespace FamilyPlanning.Core.People;

public sealed record PersonInput
{
    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(Person.NameMaxLength, ErrorMessage = "姓名不能超过 {1} 个字符")]
    [Display(Name = "姓名")]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "请选择性别")]
    [Display(Name = "性别")]
    public Sex? Sex { get; init; }

    [Required(ErrorMessage = "请填写出生日期")]
    [Display(Name = "出生日期")]
    public DateOnly? BirthDate { get; init; }

    [StringLength(People.IdNumber.Length, ErrorMessage = "公民身份号码应为18位")]
    [Display(Name = "公民身份号码")]
    public string? IdNumber { get; init; }

    [Required(ErrorMessage = "请选择与户主关系")]
    [Display(Name = "与户主关系")]
    public Relation? Relation { get; init; }

    [Required(ErrorMessage = "请选择婚姻状况")]
    [Display(Name = "婚姻状况")]
    public MaritalStatus? MaritalStatus { get; init; }

    [Required(ErrorMessage = "请选择居住状况")]
    [Display(Name = "居住状况")]
    public Residence? Residence { get; init; }

    [Display(Name = "迁入日期")]
    public DateOnly? MovedInOn { get; init; }

    [Range(1, 4, ErrorMessage = "残疾等级应为 1–4 级")]
    [Display(Name = "残疾等级")]
    public int? DisabilityGrade { get; init; }
}

public sealed record LifeEventInput
{
    [Required(ErrorMessage = "请填写日期")]
    [Display(Name = "日期")]
    public DateOnly? Date { get; init; }

    [StringLength(100, ErrorMessage = "去向不能超过 {1} 个字符")]
    [Display(Name = "迁往地")]
    public string? Place { get; init; }
}

public sealed record PersonRow(long Id, string Name, Sex Sex, DateOnly BirthDate, string? IdNumber, string HouseholdNumber,
    long HouseholdId, string VillageName, Relation Relation, MaritalStatus MaritalStatus, DateOnly? DiedOn, DateOnly? MovedOutOn);

/// <summary>婚姻变动: the marital status from a date on (a marriage, divorce, death of the spouse, remarriage).</summary>
public sealed record MaritalChangeInput
{
    [Required(ErrorMessage = "请选择变动后的婚姻状况")]
    [Display(Name = "婚姻状况")]
    public MaritalStatus? Status { get; init; }

    [Required(ErrorMessage = "请填写变动日期")]
    [Display(Name = "变动日期")]
    public DateOnly? Date { get; init; }
}

/// <summary>居住状况变动: 户籍常住 / 外出流动 / 流入流动 from a date on.</summary>
public sealed record ResidenceChangeInput
{
    [Required(ErrorMessage = "请选择变动后的居住状况")]
    [Display(Name = "居住状况")]
    public Residence? Residence { get; init; }

    [Required(ErrorMessage = "请填写变动日期")]
    [Display(Name = "变动日期")]
    public DateOnly? Date { get; init; }
}

/// <summary>县内迁移: the person moves to another household of the county (in this township or another), keeping one identity.</summary>
public sealed record TransferInput
{
    [Required(ErrorMessage = "请选择迁入的乡镇（街道）")]
    [Display(Name = "迁入乡镇（街道）")]
    public string? TownshipCode { get; init; }

    [Required(ErrorMessage = "请填写迁入户的户编号")]
    [StringLength(Household.NumberMaxLength, ErrorMessage = "户编号不能超过 {1} 个字符")]
    [Display(Name = "迁入户编号")]
    public string? HouseholdNumber { get; init; }

    [Required(ErrorMessage = "请填写迁移日期")]
    [Display(Name = "迁移日期")]
    public DateOnly? Date { get; init; }
}
