using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Security;
using OpenTelemetry.Metrics;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// What operators read: JSON log lines (one object per line, UTC time) with one line per request — request id, user id,
/// role, township, route template, method, status, duration; never a query string, an ID number or a name — and metrics in
/// Prometheus text at <c>/metrics</c> (ASP.NET Core and Npgsql instrumentation plus <see cref="PortalMetrics"/>), served
/// to loopback, or to anyone presenting <c>Metrics:Token</c> as a bearer token; elsewhere the path does not exist.
/// <c>Logging:Format=plain</c> gives the usual console text instead of JSON.
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        if (!string.Equals(builder.Configuration["Logging:Format"], "plain", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = false;
            });
        }
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter("Npgsql", PortalMetrics.MeterName)
            .AddPrometheusExporter());
    }

    /// <summary>Serves /metrics to those allowed; placed before routing, so for anyone else the path is simply not found.</summary>
    public static void UseMetricsEndpoint(this IApplicationBuilder app, IConfiguration config)
    {
        var token = config["Metrics:Token"];
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && MayRead(context, token));
    }

    private static bool MayRead(HttpContext context, string? token)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && IPAddress.IsLoopback(remote)) return true;
        if (string.IsNullOrEmpty(token)) return false;
        var given = context.Request.Headers.Authorization.ToString();
        var expected = "Bearer " + token;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>One structured line per request, written when it ends.</summary>
    public static void UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("FamilyPlanning.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                var user = context.User;
                var scope = user.Identity?.IsAuthenticated == true ? UserScope.From(user) : null;
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } pattern ? "/" + pattern.TrimStart('/') : "-";
                log.LogInformation("request {RequestId} {UserId} {Role} {Township} {Method} {Route} {Status} {DurationMs}",
                    context.TraceIdentifier, scope?.UserId ?? "-", scope?.Roles.FirstOrDefault() ?? "-", scope?.TownshipCode ?? "-",
                    context.Request.Method, route, context.Response.StatusCode,
                    Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
            }
        });
    }
}
