using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// The page shown when a request fails. It is written here, not by a Razor page, because the usual pipeline (sign-in
/// checks included) needs the database, which may be what failed. A lost database answers 503 with a message saying that
/// nothing of the request was saved (each use case is one transaction) and clears the connection pools, so the first
/// request after the database returns opens fresh connections instead of failing on dead ones.
/// </summary>
public static class ErrorResponse
{
    /// <summary>What a failed request says when nothing more specific is known (also the status page's fallback).</summary>
    public const string GenericTitle = "出错了";
    public const string GenericText = "处理请求时发生错误，本次操作没有保存。请稍后重试；如问题持续，请联系系统管理员。";

    public static async Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var database = IsDatabaseUnavailable(error);
        if (database) NpgsqlConnection.ClearAllPools();
        context.Response.StatusCode = database ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        SecurityHeaders.Apply(context.Response);
        if (database) context.Response.Headers.RetryAfter = "30";
        var (title, text) = database
            ? ("数据库暂时无法连接", "系统暂时无法连接数据库，本次操作没有保存任何数据。请稍后重试；如长时间无法恢复，请联系系统管理员。")
            : (GenericTitle, GenericText);
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{title} - 计划生育统计管理平台</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: sans-serif; margin: 3rem auto; max-width: 40rem; line-height: 1.6">
            <h1 id="error-title">{title}</h1><p id="error-text">{text}</p>
            <p style="color: #666">请求编号：{WebUtility.HtmlEncode(context.TraceIdentifier)}</p>
            <p><a href="/">返回首页</a></p></body></html>
            """);
    }

    public static bool IsDatabaseUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                || e is NpgsqlException && e.InnerException is IOException or SocketException
                || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" })
                return true;
        return false;
    }
}
