using System.ComponentModel.DataAnnotations;

namespace FamilyPlanning.Core.Security;

public sealed record NewUser
{
    [Required(ErrorMessage = "请填写用户名")]
    [StringLength(AppUser.UserNameMaxLength, ErrorMessage = "用户名不能超过 {1} 个字符")]
    [RegularExpression(@"^[A-Za-z0-9._@-]+$", ErrorMessage = "用户名只能包含字母、数字和 . _ @ -")]
    [Display(Name = "用户名")]
    public string UserName { get; init; } = "";

    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "姓名不能超过 {1} 个字符")]
    [Display(Name = "姓名")]
    public string DisplayName { get; init; } = "";

    [Required(ErrorMessage = "请选择角色")]
    [Display(Name = "角色")]
    public string Role { get; init; } = "";

    [Display(Name = "所属乡镇")]
    public string? TownshipCode { get; init; }

    [Required(ErrorMessage = "请填写初始密码")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "密码长度须在 {2} 到 {1} 个字符之间")]
    [DataType(DataType.Password)]
    [Display(Name = "初始密码")]
    public string Password { get; init; } = "";
}

public sealed record UserChange
{
    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "姓名不能超过 {1} 个字符")]
    [Display(Name = "姓名")]
    public string DisplayName { get; init; } = "";

    [Required(ErrorMessage = "请选择角色")]
    [Display(Name = "角色")]
    public string Role { get; init; } = "";

    [Display(Name = "所属乡镇")]
    public string? TownshipCode { get; init; }
}

public sealed record UserRow(string Id, string UserName, string DisplayName, string Role, string? TownshipName,
    bool IsDisabled, bool IsLockedOut);
