using System.ComponentModel.DataAnnotations;

namespace FamilyPlanning.Core.Places;

public sealed record TownshipInput
{
    [Required(ErrorMessage = "请填写乡镇代码")]
    [RegularExpression(@"^\d{12}$", ErrorMessage = "乡镇代码必须是12位数字")]
    [Display(Name = "乡镇代码")]
    public string Code { get; init; } = "";

    [Required(ErrorMessage = "请填写乡镇名称")]
    [StringLength(Township.NameMaxLength, ErrorMessage = "名称不能超过 {1} 个字符")]
    [Display(Name = "名称")]
    public string Name { get; init; } = "";
}

public sealed record VillageInput
{
    [Required(ErrorMessage = "请填写村（居）代码")]
    [RegularExpression(@"^\d{12}$", ErrorMessage = "村（居）代码必须是12位数字")]
    [Display(Name = "村（居）代码")]
    public string Code { get; init; } = "";

    [Required(ErrorMessage = "请填写村（居）名称")]
    [StringLength(Village.NameMaxLength, ErrorMessage = "名称不能超过 {1} 个字符")]
    [Display(Name = "名称")]
    public string Name { get; init; } = "";
}

public sealed record TownshipMerge
{
    [Required(ErrorMessage = "请选择并入的乡镇")]
    [Display(Name = "并入乡镇")]
    public string SuccessorCode { get; init; } = "";

    [Required(ErrorMessage = "请填写撤销日期")]
    [Display(Name = "撤销日期")]
    public DateOnly? AbolishedOn { get; init; }
}

public sealed record TownshipRow(string Code, string Name, TownshipKind Kind, int VillageCount, DateOnly? AbolishedOn,
    string? SuccessorName);
