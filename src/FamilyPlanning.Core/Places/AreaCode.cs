namespace FamilyPlanning.Core.Places;

/// <summary>
/// The 12-digit NBS statistical area code (统计用区划代码): 6-digit county (GB/T 2260) + 3-digit township (GB/T 10114:
/// 001–099 街道, 100–199 镇, 200–399 乡) + 3-digit village (001–199 居委会, 200–399 村委会).
/// </summary>
public static class AreaCode
{
    public const int Length = 12;

    public static bool IsTwelveDigits(string? code) => code is { Length: Length } && code.All(char.IsAsciiDigit);

    public static string CountyPart(string code) => code[..6];
    public static string TownshipPart(string code) => code[..9];
    public static int TownshipSegment(string code) => int.Parse(code.AsSpan(6, 3));
    public static int VillageSegment(string code) => int.Parse(code.AsSpan(9, 3));

    /// <summary>The township kind the code range implies, or null when the segment is outside 001–399.</summary>
    public static TownshipKind? KindOfTownship(int segment) => segment switch
    {
        >= 1 and <= 99 => TownshipKind.Subdistrict,
        >= 100 and <= 199 => TownshipKind.Town,
        >= 200 and <= 399 => TownshipKind.Township,
        _ => null,
    };

    public static VillageKind? KindOfVillage(int segment) => segment switch
    {
        >= 1 and <= 199 => VillageKind.Neighbourhood,
        >= 200 and <= 399 => VillageKind.Village,
        _ => null,
    };

    /// <summary>Checks a township code against its county; returns a Chinese message or null when valid.</summary>
    public static string? CheckTownship(string? code, string countyCode)
    {
        if (!IsTwelveDigits(code)) return "乡镇代码必须是12位数字";
        if (CountyPart(code!) != CountyPart(countyCode)) return $"乡镇代码前6位必须是本县代码 {CountyPart(countyCode)}";
        if (code![9..] != "000") return "乡镇代码后3位必须是 000";
        if (KindOfTownship(TownshipSegment(code)) is null) return "乡镇代码第7–9位必须在 001–399 之间（001–099 街道，100–199 镇，200–399 乡）";
        return null;
    }

    /// <summary>Checks a village code against its township; returns a Chinese message or null when valid.</summary>
    public static string? CheckVillage(string? code, string townshipCode)
    {
        if (!IsTwelveDigits(code)) return "村（居）代码必须是12位数字";
        if (TownshipPart(code!) != TownshipPart(townshipCode)) return $"村（居）代码前9位必须是所属乡镇代码 {TownshipPart(townshipCode)}";
        if (KindOfVillage(VillageSegment(code!)) is null) return "村（居）代码后3位必须在 001–399 之间（001–199 居委会，200–399 村委会）";
        return null;
    }
}

public enum TownshipKind { Subdistrict = 1, Town = 2, Township = 3 }

public enum VillageKind { Neighbourhood = 1, Village = 2 }

public static class PlaceNames
{
    public static string Of(TownshipKind kind) => kind switch
    {
        TownshipKind.Subdistrict => "街道",
        TownshipKind.Town => "镇",
        _ => "乡",
    };

    public static string Of(VillageKind kind) => kind == VillageKind.Neighbourhood ? "居委会" : "村委会";

    /// <summary>How a township's own summary calls itself: 全镇 / 全乡 / 全街道.</summary>
    public static string Whole(TownshipKind kind) => "全" + Of(kind);
}
