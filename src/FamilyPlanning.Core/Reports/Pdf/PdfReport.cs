using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FamilyPlanning.Core.Reports.Pdf;

/// <summary>
/// A small flowing layout over PDFsharp for A4 Chinese reports: titles, headings, paragraphs broken per character
/// (<see cref="LineBreaker"/>), tables whose header row repeats on every page they run onto, and 「第 x 页 共 y 页」 footers.
/// </summary>
public sealed class PdfReport : IDisposable
{
    public const double PageWidth = 595.28, PageHeight = 841.89, Margin = 62;
    private const double FooterSpace = 28;
    private readonly PdfDocument _doc = new();
    private readonly XFont _body, _bold, _title, _heading, _small;
    private XGraphics _gfx = null!;
    private double _y;

    public double ContentWidth => PageWidth - 2 * Margin;
    public int PageCount => _doc.PageCount;

    public PdfReport(string? fontPath, string title)
    {
        CjkFontResolver.Install(fontPath);
        _doc.Info.Title = title;
        _body = new XFont(CjkFontResolver.Face, 10.5);
        _bold = new XFont(CjkFontResolver.Face, 10.5, XFontStyleEx.Bold);
        _title = new XFont(CjkFontResolver.Face, 17, XFontStyleEx.Bold);
        _heading = new XFont(CjkFontResolver.Face, 13, XFontStyleEx.Bold);
        _small = new XFont(CjkFontResolver.Face, 9);
        NewPage();
    }

    public void Title(string text)
    {
        foreach (var line in LineBreaker.Break(text, ContentWidth, s => _gfx.MeasureString(s, _title).Width))
        {
            Need(26);
            _gfx.DrawString(line, _title, XBrushes.Black, new XRect(Margin, _y, ContentWidth, 24), XStringFormats.TopCenter);
            _y += 26;
        }
        _y += 8;
    }

    public void Subtitle(string text)
    {
        Need(18);
        _gfx.DrawString(text, _body, XBrushes.Black, new XRect(Margin, _y, ContentWidth, 16), XStringFormats.TopCenter);
        _y += 24;
    }

    public void Heading(string text)
    {
        Need(40);
        _y += 6;
        _gfx.DrawString(text, _heading, XBrushes.Black, new XPoint(Margin, _y + 13));
        _y += 22;
    }

    /// <summary>A paragraph with the customary two-character first-line indent.</summary>
    public void Paragraph(string text, bool indent = true)
    {
        const double lineHeight = 17;
        foreach (var line in LineBreaker.Break((indent ? "　　" : "") + text, ContentWidth, s => _gfx.MeasureString(s, _body).Width))
        {
            Need(lineHeight);
            _gfx.DrawString(line, _body, XBrushes.Black, new XPoint(Margin, _y + 12));
            _y += lineHeight;
        }
        _y += 4;
    }

    /// <summary>A ruled table; cells break their lines; the header row is drawn again at the top of each new page.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> relativeWidths)
    {
        var total = relativeWidths.Sum();
        var widths = relativeWidths.Select(w => w / total * ContentWidth).ToArray();
        void Row(IReadOnlyList<string> cells, XFont font, bool isHeader)
        {
            var wrapped = cells.Select((c, i) => LineBreaker.Break(c, widths[i] - 6, s => _gfx.MeasureString(s, font).Width)).ToList();
            var height = wrapped.Max(w => w.Count) * 13 + 6;
            if (!isHeader && _y + height > PageHeight - Margin - FooterSpace)
            {
                NewPage();
                Row(headers, _bold, true);
            }
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = new XRect(x, _y, widths[i], height);
                if (isHeader) _gfx.DrawRectangle(XBrushes.WhiteSmoke, rect);
                _gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), rect);
                for (var l = 0; l < wrapped[i].Count; l++)
                    _gfx.DrawString(wrapped[i][l], font, XBrushes.Black, new XPoint(x + 3, _y + 13 + l * 13));
                x += widths[i];
            }
            _y += height;
        }
        Need(40);
        Row(headers, _bold, true);
        foreach (var r in rows) Row(r, _small, false);
        _y += 10;
    }

    /// <summary>Space for a drawing of the given height, on this page or the next; returns its top-left corner.</summary>
    public (XGraphics gfx, XRect area) Reserve(double height)
    {
        Need(height);
        var area = new XRect(Margin, _y, ContentWidth, height);
        _y += height + 8;
        return (_gfx, area);
    }

    public byte[] Save()
    {
        var count = _doc.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = i == count - 1 ? null : XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
            var gfx = g ?? _gfx;
            gfx.DrawString($"第 {i + 1} 页 共 {count} 页", _small, XBrushes.Black,
                new XRect(0, PageHeight - Margin + 8, PageWidth, 12), XStringFormats.TopCenter);
        }
        _gfx.Dispose();
        using var stream = new MemoryStream();
        _doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void Need(double height)
    {
        if (_y + height > PageHeight - Margin - FooterSpace) NewPage();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _doc.Dispose();
    }
}
