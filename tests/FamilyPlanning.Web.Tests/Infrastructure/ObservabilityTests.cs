using System.Collections.Concurrent;
using System.Net;
using FamilyPlanning.Core.Imports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static FamilyPlanning.Web.Tests.Imports.ImportFiles;

namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>One structured log line per request that names no person, and the Prometheus metrics at /metrics for those
/// allowed to read them.</summary>
public class ObservabilityTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Token = "metrics-test-token-2026";
    private readonly Given _given = new(portal);

    [Fact]
    public async Task Metrics_NeedLoopbackOrTheToken_AndCountImportsAndRequests()
    {
        await using var portal = Portal.WithWebHostBuilder(b => b.UseSetting("Metrics:Token", Token));
        var anonymous = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        // Without the token (the test server's requests are not from loopback) /metrics is a path like any that does not
        // exist: anonymous users are sent to the login page.
        var nothing = (await anonymous.GetAsync("/no-such-path")).StatusCode;
        Assert.Equal(HttpStatusCode.Found, nothing);
        Assert.Equal(nothing, (await anonymous.GetAsync("/metrics")).StatusCode);
        anonymous.DefaultRequestHeaders.Add("Authorization", "Bearer wrong-token");
        Assert.Equal(nothing, (await anonymous.GetAsync("/metrics")).StatusCode);

        var clerk = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var login = await Forms.PostAsync(clerk, "/Account/Login", new() { ["Input.UserName"] = "clerk01", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var upload = await Forms.UploadAsync(clerk, "/Imports", new() { ["Kind"] = "persons" }, "Upload", "p.csv",
            Utf8Bom(CsvText(ImportTemplates.Persons, Couples(3))));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await clerk.GetAsync("/Dashboard");

        var scraper = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        scraper.DefaultRequestHeaders.Add("Authorization", "Bearer " + Token);
        // The exporter caches a scrape briefly; the counters are cumulative, so any scrape after the import holds it.
        var text = await scraper.GetStringAsync("/metrics");
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("fp_imports_total{", text);
        Assert.Contains("outcome=\"imported\"", text);
        Assert.Contains("fp_import_rows_total{", text);
        Assert.Contains("fp_report_duration_seconds", text);
    }

    [Fact]
    public async Task EveryRequest_OneStructuredLine_WithRouteStatusAndUser_NeverTheSearchedNameOrIdNumber()
    {
        var (_, person, _) = await _given.MotherAsync(new DateOnly(1990, 4, 4), name: "韩梅梅");
        var id = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}"))!;
        var lines = new Collector();
        await using var portal = Portal.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:FamilyPlanning.Requests", "Information")
            .ConfigureLogging(l => l.AddProvider(lines)));
        var clerk = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await Forms.PostAsync(clerk, "/Account/Login", new() { ["Input.UserName"] = "clerk01", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/Persons?q={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/Persons?q={Uri.EscapeDataString("韩梅梅")}")).StatusCode);

        var search = lines.Entries.Where(e => e.Category == "FamilyPlanning.Requests" && e.Values["Route"] as string == "/Persons").ToList();
        Assert.Equal(2, search.Count);
        Assert.All(search, e =>
        {
            Assert.Equal(200, e.Values["Status"]);
            Assert.Equal("GET", e.Values["Method"]);
            Assert.Equal("TownshipClerk", e.Values["Role"]);
            Assert.Equal(Given.Longmen, e.Values["Township"]);
            Assert.NotEqual("-", e.Values["UserId"]);
            Assert.IsType<double>(e.Values["DurationMs"]);
        });
        Assert.DoesNotContain(lines.Entries, e => e.Text.Contains(id) || e.Text.Contains("韩梅梅"));
    }

    private sealed record Entry(string Category, string Text, Dictionary<string, object?> Values);

    private sealed class Collector : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);
        public void Dispose() { }

        private sealed class Logger(string category, Collector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
                owner.Entries.Enqueue(new Entry(category, formatter(state, exception) + " " + string.Join(" ", values.Values), values));
            }
        }
    }
}
