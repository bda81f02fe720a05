using System.Collections.Concurrent;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// Failed sign-ins counted per (user name as typed, client address) — never per account alone, so a stranger cannot lock
/// the county's staff out before a deadline: from the fifth failure within 15 minutes, that address must wait before trying
/// that name again, 1 s after the fifth and doubling with each further failure up to 5 minutes. Any name is counted, real
/// or not, so the answer tells nothing about which names exist. A success clears the count. The per-address rate limit on
/// the login form (Security:LoginAttemptsPerMinutePerIp) stays in front of it. Kept in memory: a restart forgets it.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    private sealed record Failures(int Count, DateTimeOffset Last);

    private readonly ConcurrentDictionary<(string Name, string Address), Failures> failures = new();

    private static (string, string) Key(string name, string? address) => (name.Trim().ToUpperInvariant(), address ?? "");

    /// <summary>How long this address must still wait before trying this name again (zero: it may try now).</summary>
    public TimeSpan Wait(string name, string? address)
    {
        var now = clock.GetUtcNow();
        if (!failures.TryGetValue(Key(name, address), out var f) || f.Count < FreeFailures || now - f.Last > Window) return TimeSpan.Zero;
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, f.Count - FreeFailures), MaxDelay.TotalSeconds));
        var left = f.Last + delay - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(string name, string? address)
    {
        var now = clock.GetUtcNow();
        failures.AddOrUpdate(Key(name, address), _ => new Failures(1, now),
            (_, f) => now - f.Last > Window ? new Failures(1, now) : new Failures(f.Count + 1, now));
        if (failures.Count > 100_000) Forget(now);
    }

    public void Succeeded(string name, string? address) => failures.TryRemove(Key(name, address), out _);

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, f) in failures)
            if (now - f.Last > Window) failures.TryRemove(key, out _);
    }
}
