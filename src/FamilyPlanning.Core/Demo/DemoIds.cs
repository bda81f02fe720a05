using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Demo;

/// <summary>Row ids (above anything the HiLo sequence has handed out) and unique, valid ID numbers with the county's area
/// code; when a birth date runs out of the 500 sequence numbers per sex, older area codes of the region take over.</summary>
internal sealed class DemoIds(string countyArea)
{
    public const long FirstId = 1_000_000;
    private static readonly string[] OlderAreas = ["372427", "372428", "372401", "372421", "372422"];

    private long _next = FirstId;
    private readonly Dictionary<(DateOnly, Sex), int> _sequence = [];

    public long Next() => _next++;
    public long Last => _next - 1;

    public string IdNumber(DateOnly birth, Sex sex)
    {
        var n = _sequence.GetValueOrDefault((birth, sex));
        _sequence[(birth, sex)] = n + 1;
        if (n >= 500 * (OlderAreas.Length + 1)) throw new InvalidOperationException("demo scale too large for unique ID numbers");
        var area = n < 500 ? countyArea : OlderAreas[n / 500 - 1];
        var seq = (n % 500) * 2 + (sex == Sex.Male ? 1 : 0);
        return People.IdNumber.Make(area, birth, seq);
    }
}
