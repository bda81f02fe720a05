using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace FamilyPlanning.Bench;

public sealed record WrkResult(string Url, int Connections, int Seconds, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, string Errors);

/// <summary>Serves the portal from its Release build on a loopback port against the bench database, signs in as county
/// staff, and drives the dashboard and the `SELECT 1` endpoint with wrk.</summary>
public sealed partial class HttpBench(string webDll, string connectionString, int port) : IAsyncDisposable
{
    private Process? _web;
    public string Base => $"http://127.0.0.1:{port}";
    public string Cookie { get; private set; } = "";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", Base])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Security__RequireHttps"] = "false";
        start.Environment["Bench__Select1"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _web = Process.Start(start)!;
        _web.OutputDataReceived += (_, _) => { };
        _web.ErrorDataReceived += (_, _) => { };
        _web.BeginOutputReadLine();
        _web.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync(Base + "/healthz")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        Cookie = await SignInAsync("county", FamilyPlanning.Core.Demo.DemoSeeder.DemoPassword);
    }

    private async Task<string> SignInAsync(string user, string password)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false });
        var page = await http.GetStringAsync(Base + "/Account/Login");
        var token = TokenRegex().Match(page).Groups[1].Value;
        var response = await http.PostAsync(Base + "/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"bench sign-in failed: {(int)response.StatusCode}");
        return string.Join("; ", jar.GetCookies(new Uri(Base)).Select(c => $"{c.Name}={c.Value}"));
    }

    /// <summary>One request at a time, as a user would wait for it.</summary>
    public async Task<Timing> SingleAsync(string path, int runs, Func<Task>? before)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("Cookie", Cookie);
        return await Timing.MeasureAsync(runs, async () =>
        {
            var response = await http.GetAsync(Base + path);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
            await response.Content.ReadAsByteArrayAsync();
        }, before: before);
    }

    /// <summary>Rounds of <paramref name="connections"/> simultaneous requests, each round right after a write: the time
    /// until the slowest of them is answered (what the last of ten officials waits when they all open it after a change).</summary>
    public async Task<Timing> BurstAsync(string path, int connections, int rounds, Func<Task> before)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("Cookie", Cookie);
        return await Timing.MeasureAsync(rounds, async () =>
        {
            await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
            {
                var response = await http.GetAsync(Base + path);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
                await response.Content.ReadAsByteArrayAsync();
            }));
        }, before: before);
    }

    public async Task<WrkResult> WrkAsync(string path, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk", ["-t", Math.Min(connections, 2).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", seconds + "s", "--timeout", "120s", "--latency",
            "-H", "Cookie: " + Cookie, Base + path])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        double Latency(string pct)
        {
            var m = Regex.Match(output, $@"^\s+{pct}%\s+([\d.]+)(us|ms|s)\b", RegexOptions.Multiline);
            if (!m.Success) return double.NaN;
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
        }
        var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
        var total = Regex.Match(output, @"(\d+) requests in");
        var errors = Regex.Match(output, @"Non-2xx or 3xx responses: \d+|Socket errors:.*");
        return new WrkResult(path, connections, seconds, rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            Latency("50"), Latency("99"), total.Success ? long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            errors.Success ? errors.Value.Trim() : "");
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is { HasExited: false })
        {
            _web.Kill(entireProcessTree: true);
            await _web.WaitForExitAsync();
        }
        _web?.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
