using PdfSharp.Fonts;

namespace FamilyPlanning.Core.Reports.Pdf;

/// <summary>Serves one TrueType CJK face (default: AR PL SungtiL GB from Debian's fonts-arphic-gbsn00lp) for every font
/// request; PDFsharp cannot read .ttc collections or CFF fonts, so Noto CJK and WenQuanYi will not do.</summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string DefaultPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    public const string Face = "SungtiL";
    private static readonly Lock Gate = new();
    private static CjkFontResolver? _installed;
    private readonly byte[] _font;

    public string Path { get; }

    private CjkFontResolver(string path)
    {
        Path = path;
        _font = ReadFont(path);
    }

    /// <summary>The font file's bytes, or a Chinese message saying what to install or configure.</summary>
    public static byte[] ReadFont(string path) => File.Exists(path)
        ? File.ReadAllBytes(path)
        : throw new InvalidOperationException($"未找到中文字体文件 {path}。请安装 fonts-arphic-gbsn00lp（apt-get install fonts-arphic-gbsn00lp），或在设置 Reports:FontPath 中指定 TrueType 字体文件。");

    /// <summary>Installs the resolver for the process (PDFsharp's font settings are global and set once).</summary>
    public static CjkFontResolver Install(string? path)
    {
        lock (Gate)
        {
            if (_installed is not null) return _installed;
            _installed = new CjkFontResolver(string.IsNullOrWhiteSpace(path) ? DefaultPath : path);
            GlobalFontSettings.FontResolver = _installed;
            return _installed;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(Face, mustSimulateBold: isBold, mustSimulateItalic: isItalic);

    public byte[] GetFont(string faceName) => _font;
}
