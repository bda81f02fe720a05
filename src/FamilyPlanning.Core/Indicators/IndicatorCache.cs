using System.Collections.Concurrent;

namespace FamilyPlanning.Core.Indicators;

/// <summary>
/// Indicator reports already computed, kept exact by the registers' version: a deferred trigger on every table an indicator
/// reads adds one to <c>register_version</c> in the same transaction as any insert, update, delete, COPY or TRUNCATE, so a
/// report is reused only while no committed write has happened since it was computed. Requests for the same report at the
/// same time share one computation. The version is read before computing, so a cached report is never older than its key.
/// </summary>
public sealed class IndicatorCache
{
    public const int MaxEntries = 500;

    private sealed record Entry(long Version, Lazy<Task<IndicatorReport>> Report);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public async Task<IndicatorReport> GetAsync(string key, long version, Func<Task<IndicatorReport>> compute)
    {
        if (_entries.Count > MaxEntries) _entries.Clear();
        var created = new Entry(version, new Lazy<Task<IndicatorReport>>(compute));
        var entry = _entries.AddOrUpdate(key, created, (_, old) => old.Version >= version ? old : created);
        try
        {
            return await entry.Report.Value;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    public void Clear() => _entries.Clear();
}
