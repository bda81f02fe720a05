using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
    FamilyPlanning.Web.Infrastructure.LoginThrottle throttle)
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

    /// <summary>
    /// One answer for every failure — unknown name, disabled account, wrong password — after the same work (one password
    /// hash check), so neither the words nor the time tell which names exist; and no lockout: an address that keeps failing
    /// for a name is slowed down (<see cref="LoginThrottle"/>), whoever owns the name may still sign in from elsewhere.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.Wait(Input.UserName, address) is { TotalSeconds: > 0 } wait)
        {
            ModelState.AddModelError("", $"尝试次数过多，请{Math.Ceiling(wait.TotalSeconds)}秒后再试");
            return Page();
        }
        var user = await users.FindByNameAsync(Input.UserName);
        var verified = hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? DummyHash.Value, Input.Password);
        if (user is null || user.IsDisabled || verified == PasswordVerificationResult.Failed)
        {
            throttle.Failed(Input.UserName, address);
            ModelState.AddModelError("", Failed);
            return Page();
        }
        throttle.Succeeded(Input.UserName, address);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
