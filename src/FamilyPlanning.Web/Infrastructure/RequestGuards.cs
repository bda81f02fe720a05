using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// What a request may not carry, answered before it reaches a page: a NUL character anywhere in the path, the query or a
/// url-encoded form (PostgreSQL cannot store it; 400), and a body over the route's size limit (413). Both answers get the
/// Chinese status page. Multipart uploads are checked by the import itself (it refuses NUL in any cell).
/// </summary>
public static class RequestGuards
{
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HasNul(context.Request.Path.Value) || HasNul(context.Request.QueryString.Value) || await FormHasNulAsync(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            try
            {
                await next();
            }
            catch (Exception e) when (IsTooLarge(e) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        });

    /// <summary>After routing: a body declared larger than the route's own limit (the import page's) is refused before a byte
    /// of it is read, with 413 and the Chinese status page, instead of failing inside the form reader as a bare 400.</summary>
    public static IApplicationBuilder UseBodySizeGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next();
        });

    private static bool HasNul(string? text) =>
        text is not null && (text.Contains('\0') || text.Contains("%00", StringComparison.Ordinal));

    private static async Task<bool> FormHasNulAsync(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            return false;
        try
        {
            var form = await request.ReadFormAsync();
            return form.Any(f => f.Key.Contains('\0') || f.Value.Any(v => v?.Contains('\0') == true));
        }
        catch (InvalidDataException)
        {
            return true; // a malformed form body is as bad a request
        }
    }

    private static bool IsTooLarge(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}

/// <summary>
/// What a page handler leaves unanswered: a POST (or any method but GET and HEAD) to a page without a handler for it answers
/// 405 instead of rendering the page with nothing loaded; a rule broken by a query parameter (a year out of range, an
/// unknown half) that the handler did not turn into a form message answers 400 with the rule's words, and a record that is
/// not there (or not the user's) 404 — on the Chinese status page, never a 500.
/// </summary>
public sealed class PageGuardFilter : IAsyncPageFilter
{
    /// <summary>The HttpContext item holding the message the status page shows.</summary>
    public const string MessageItem = "status-message";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        var reExecuted = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !reExecuted)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is null) return;
        if (executed.Exception is Core.Common.RuleViolation v)
        {
            context.HttpContext.Items[MessageItem] = v.Message;
            executed.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            executed.ExceptionHandled = true;
        }
        else if (executed.Exception is Core.Common.NotFoundOrForbidden)
        {
            executed.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
            executed.ExceptionHandled = true;
        }
    }
}
