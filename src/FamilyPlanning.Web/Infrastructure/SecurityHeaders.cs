namespace FamilyPlanning.Web.Infrastructure;

/// <summary>Headers every response carries, error pages included: no framing, no MIME sniffing, scripts only from this
/// site. Inline style attributes are allowed (layout widths, Chart.js canvas sizing); inline scripts are not. Set when the
/// response starts, so a response the exception handler rewrote still has them.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            Apply(context.Response);
            context.Response.OnStarting(() =>
            {
                Apply(context.Response);
                return Task.CompletedTask;
            });
            await next();
        });

    public static void Apply(HttpResponse response)
    {
        var h = response.Headers;
        h.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; " +
            "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
    }
}
