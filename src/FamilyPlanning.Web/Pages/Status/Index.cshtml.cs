using FamilyPlanning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPlanning.Web.Pages.Status;

/// <summary>
/// The page a failed request shows in place of an empty body (400, 403, 404, 405, 413, 429 …), inside the layout. The
/// status code middleware re-executes it with the failed request's method and status, so it renders without a handler
/// for a POST too; opened directly it answers with the status it names.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class IndexModel : PageModel
{
    [BindProperty(SupportsGet = true)] public int Code { get; set; }

    public string Title => Code switch
    {
        400 => "请求有误",
        403 => "无权访问",
        404 => "页面不存在",
        405 => "不支持该操作",
        413 => "上传的内容过大",
        429 => "操作过于频繁",
        _ => ErrorResponse.GenericTitle,
    };

    public string Text => HttpContext.Items[PageGuardFilter.MessageItem] as string ?? Code switch
    {
        400 => "请求中含有无法识别的内容（例如不允许的字符或格式不对的参数）。请返回上一页检查后重试。",
        403 => "您的账号没有访问该页面的权限。如需开通，请联系系统管理员。",
        404 => "您要找的页面或记录不存在，或者您无权查看。请检查链接，或从首页重新进入。",
        405 => "该页面不接受这种提交方式。请从页面上的按钮操作。",
        413 => "上传的文件超过了服务器允许的大小。单个导入文件不能超过 20 MB，请分成几个文件导入。",
        429 => "短时间内的请求过多，请稍等一分钟后再试。",
        _ => ErrorResponse.GenericText,
    };

    public void OnGet()
    {
        if (Code is >= 400 and <= 599 && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null) Response.StatusCode = Code;
    }
}
