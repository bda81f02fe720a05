using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher)
    : PageModel
{
    public const string Failed = "用户名或密码错误";
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, "x-not-a-password"));

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请填写用户名")]
        [StringLength(AppUser.UserNameMaxLength, ErrorMessage = "用户名过长")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请填写密码")]
        [StringLength(128, ErrorMessage = "密码过长")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await users.FindByNameAsync(Input.UserName) is null)
        {
            // Spend the same hashing time as a real check, so timing does not tell which user names exist.
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, Input.Password);
            ModelState.AddModelError("", Failed);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.UserName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("", result.IsLockedOut ? "登录失败次数过多，账号已锁定15分钟，请稍后再试或联系系统管理员" : Failed);
        return Page();
    }
}
