namespace FamilyPlanning.Core.People;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit area + 8-digit birth date + 3-digit sequence (odd = male) + check character
/// `10X98765432`[Σ(dᵢ·wᵢ) mod 11]. Retired area codes are accepted: people keep the number they were given.
/// </summary>
public static partial class IdNumber
{
    public const int Length = 18;
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Trims and upper-cases a trailing x; leaves anything else as typed for the checks to report.</summary>
    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    public static char CheckCharFor(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>The Chinese reason the number is malformed, or null when its form and check character are right.</summary>
    public static string? FormatError(string normalized)
    {
        if (normalized.Length != Length) return $"公民身份号码应为18位，实际为{normalized.Length}位";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(normalized[i])) return "公民身份号码前17位必须是数字";
        if (!char.IsAsciiDigit(normalized[17]) && normalized[17] != 'X') return "公民身份号码第18位必须是数字或X";
        if (BirthDate(normalized) is null) return "公民身份号码中的出生日期（第7–14位）不是有效日期";
        if (CheckCharFor(normalized) != normalized[17]) return "公民身份号码校验位错误，请核对";
        return null;
    }

    public static DateOnly? BirthDate(string normalized) =>
        normalized.Length >= 14
        && int.TryParse(normalized.AsSpan(6, 4), out var y) && int.TryParse(normalized.AsSpan(10, 2), out var m)
        && int.TryParse(normalized.AsSpan(12, 2), out var d)
        && y >= 1800 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    /// <summary>17th digit: odd = male, even = female.</summary>
    public static Sex SexOf(string normalized) => (normalized[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Every rule of docs/domain.md §7 for a number against the person it belongs to; null when all hold.</summary>
    public static string? Check(string normalized, DateOnly birthDate, Sex sex)
    {
        var error = FormatError(normalized);
        if (error is not null) return error;
        if (BirthDate(normalized) != birthDate)
            return $"公民身份号码中的出生日期 {BirthDate(normalized):yyyy-MM-dd} 与填写的出生日期 {birthDate:yyyy-MM-dd} 不一致";
        if (SexOf(normalized) != sex)
            return $"公民身份号码第17位表示{SexNames.Of(SexOf(normalized))}性，与填写的性别不一致";
        return null;
    }

    /// <summary>110105********002X: area code and the last four shown, birth date and sequence hidden.</summary>
    public static string Mask(string? number) =>
        string.IsNullOrEmpty(number) ? "" : number.Length == Length ? number[..6] + new string('*', 8) + number[14..] : "****";

    /// <summary>Every ID number inside a text (a message that quotes one), masked.</summary>
    public static string MaskWithin(string text) => EmbeddedNumber().Replace(text, m => Mask(m.Value));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex EmbeddedNumber();

    /// <summary>Builds a valid number (used by the demo generator and tests).</summary>
    public static string Make(string area6, DateOnly birthDate, int sequence3)
    {
        var first17 = $"{area6}{birthDate:yyyyMMdd}{sequence3:D3}";
        return first17 + CheckCharFor(first17);
    }
}
