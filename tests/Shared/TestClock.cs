using FamilyPlanning.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace FamilyPlanning.Tests.Shared;

/// <summary>
/// The instant every test runs at: the portal under test gets a <see cref="FakeTimeProvider"/> stopped at it, and tests
/// derive their dates from it, so no answer depends on the day the suite runs. <c>FP_TEST_NOW</c> (ISO 8601 with an
/// offset, e.g. <c>2026-06-30T23:59:00+08:00</c>) moves it; ./test.sh runs the HTTP suite at a year end and at a half-year's
/// last minute. Default: 2027-01-01 00:00 China time (a new year whose first month has no data yet).
/// </summary>
public static class TestClock
{
    public const string Variable = "FP_TEST_NOW";
    public static readonly DateTimeOffset Default = new(2027, 1, 1, 0, 0, 0, ChinaTime.Offset);

    public static DateTimeOffset Now { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
        ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
        : Default;

    /// <summary>Today in China at <see cref="Now"/>: the date the portal under test calls today.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(ChinaTime.Offset).DateTime);

    /// <summary>A clock at <see cref="Now"/>, in UTC as the system clock gives it (PostgreSQL stores UTC only). Each reading
    /// moves it on by one tick (100 ns), so "after" stays after (a session issued before a password reset is older than the
    /// check that follows it) while the date stays the one chosen for the whole run.</summary>
    public static FakeTimeProvider Create() => new(Now.ToUniversalTime()) { AutoAdvanceAmount = TimeSpan.FromTicks(1) };
}
