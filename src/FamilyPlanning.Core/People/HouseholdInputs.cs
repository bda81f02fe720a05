using System.ComponentModel.DataAnnotations;

namespace FamilyPlanning.Core.People;

public sealed record HouseholdInput
{
    [Required(ErrorMessage = "请填写户编号")]
    [StringLength(Household.NumberMaxLength, ErrorMessage = "户编号不能超过 {1} 个字符")]
    [Display(Name = "户编号")]
    public string Number { get; init; } = "";

    [Required(ErrorMessage = "请选择村（居）")]
    [Display(Name = "村（居）")]
    public string VillageCode { get; init; } = "";

    [StringLength(Household.AddressMaxLength, ErrorMessage = "住址不能超过 {1} 个字符")]
    [Display(Name = "住址")]
    public string? Address { get; init; }

    [Required(ErrorMessage = "请填写户主姓名")]
    [StringLength(Household.HeadNameMaxLength, ErrorMessage = "户主姓名不能超过 {1} 个字符")]
    [Display(Name = "户主姓名")]
    public string HeadName { get; init; } = "";

    [Required(ErrorMessage = "请选择户口性质")]
    [Display(Name = "户口性质")]
    public HukouType? HukouType { get; init; }
}

public sealed record RegisterFilter(string? Query, string? VillageCode, int Page = 1);

public sealed record HouseholdRow(long Id, string Number, string VillageName, string HeadName, HukouType HukouType, int Members);
