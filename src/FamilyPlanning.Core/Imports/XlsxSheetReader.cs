using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.Imports;

/// <summary>
/// Reads the first worksheet of an XLSX file as a stream of XML: the zip is read from the uploaded stream (never copied),
/// every part is inflated through a <see cref="LimitedReadStream"/>, and rows, columns, cell length and the total text kept
/// are checked as each row is read, so a decompression bomb stops at the first limit it crosses.
/// </summary>
internal sealed class XlsxSheetReader
{
    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly SheetLimits _limits;
    private readonly List<string> _shared = [];
    private readonly List<bool> _dateStyles = [];
    private long _keptChars;

    private XlsxSheetReader(ZipArchive zip, SheetLimits limits) => (_zip, _limits) = (zip, limits);

    public static Sheet Read(Stream content, SheetLimits limits)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException) { throw Unreadable(); }
        using (zip)
        {
            try
            {
                var reader = new XlsxSheetReader(zip, limits);
                var (sheetPath, sharedPath) = reader.FindParts();
                if (sharedPath is not null) reader.ReadSharedStrings(sharedPath);
                reader.ReadStyles();
                return reader.ReadSheet(sheetPath);
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or FormatException or OverflowException)
            {
                throw Unreadable();
            }
        }
    }

    private static RuleViolation Unreadable() =>
        new("File", "无法读取该 Excel 文件：请确认是 .xlsx 格式（不是 .xls），且文件未损坏、未加密");

    private XmlReader Open(string path, long limit, string what)
    {
        var entry = _zip.GetEntry(path) ?? throw Unreadable();
        if (entry.Length > limit) throw SheetLimits.Expands(what, limit);
        var stream = new LimitedReadStream(entry.Open(), limit, () => SheetLimits.Expands(what, limit));
        return XmlReader.Create(stream, Xml);
    }

    /// <summary>The first sheet of the workbook and the shared-strings part, through the workbook's relationships.</summary>
    private (string Sheet, string? Shared) FindParts()
    {
        string? firstSheetRel = null;
        if (_zip.GetEntry("xl/workbook.xml") is not null)
        {
            using var wb = Open("xl/workbook.xml", _limits.MaxPartXmlBytes, "工作簿");
            while (firstSheetRel is null && wb.Read())
                if (wb.NodeType == XmlNodeType.Element && wb.LocalName == "sheet")
                    firstSheetRel = AttributeByLocalName(wb, "id");
        }
        string? sheet = null, shared = null;
        if (_zip.GetEntry("xl/_rels/workbook.xml.rels") is not null)
        {
            using var rels = Open("xl/_rels/workbook.xml.rels", _limits.MaxPartXmlBytes, "工作簿关系");
            while (rels.Read())
            {
                if (rels.NodeType != XmlNodeType.Element || rels.LocalName != "Relationship") continue;
                var target = rels.GetAttribute("Target");
                if (target is null) continue;
                var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                if (rels.GetAttribute("Id") == firstSheetRel) sheet = path;
                else if (rels.GetAttribute("Type")?.EndsWith("/sharedStrings", StringComparison.Ordinal) == true) shared = path;
            }
        }
        sheet ??= "xl/worksheets/sheet1.xml";
        if (shared is null && _zip.GetEntry("xl/sharedStrings.xml") is not null) shared = "xl/sharedStrings.xml";
        return (sheet, shared);
    }

    private static string? AttributeByLocalName(XmlReader r, string localName)
    {
        for (var i = 0; i < r.AttributeCount; i++)
        {
            r.MoveToAttribute(i);
            if (r.LocalName == localName) { var v = r.Value; r.MoveToElement(); return v; }
        }
        r.MoveToElement();
        return null;
    }

    private void ReadSharedStrings(string path)
    {
        using var r = Open(path, _limits.MaxPartXmlBytes, "共享字符串");
        var intern = new Dictionary<string, string>();
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "si") continue;
            var text = ReadText(r, _shared.Count + 1, 0, shared: true);
            _shared.Add(intern.TryGetValue(text, out var same) ? same : intern[text] = text);
        }
    }

    /// <summary>Which cell styles show a number as a date (built-in date formats, or a custom format with y/m/d/h/s).</summary>
    private void ReadStyles()
    {
        if (_zip.GetEntry("xl/styles.xml") is null) return;
        using var r = Open("xl/styles.xml", _limits.MaxPartXmlBytes, "样式");
        var custom = new Dictionary<int, bool>();
        var inCellXfs = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "cellXfs") inCellXfs = false;
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "numFmt" && int.TryParse(r.GetAttribute("numFmtId"), out var id))
                custom[id] = IsDateFormat(r.GetAttribute("formatCode") ?? "");
            else if (r.LocalName == "cellXfs") inCellXfs = !r.IsEmptyElement;
            else if (r.LocalName == "xf" && inCellXfs)
            {
                var fmt = int.TryParse(r.GetAttribute("numFmtId"), out var f) ? f : 0;
                _dateStyles.Add(custom.TryGetValue(fmt, out var isDate) ? isDate : IsBuiltInDate(fmt));
            }
        }
    }

    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    private static bool IsDateFormat(string code)
    {
        var plain = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"') { i = code.IndexOf('"', i + 1) is var j && j < 0 ? code.Length : j; continue; }
            if (ch == '[') { i = code.IndexOf(']', i + 1) is var j && j < 0 ? code.Length : j; continue; }
            if (ch is '\\' or '_' or '*') { i++; continue; }
            plain.Append(char.ToLowerInvariant(ch));
        }
        var s = plain.ToString();
        return s != "general" && s.IndexOfAny(['y', 'm', 'd', 'h', 's']) >= 0;
    }

    private Sheet ReadSheet(string path)
    {
        using var r = Open(path, _limits.MaxSheetXmlBytes, "工作表");
        string[]? headers = null;
        var rows = new List<SheetRow>();
        var rawRows = 0;
        var lastRow = 0;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "row") continue;
            if (++rawRows > _limits.MaxRawRows) throw _limits.TooManyRows();
            var number = int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > lastRow
                ? n : lastRow + 1;
            lastRow = number;
            if (r.IsEmptyElement) continue;
            var cells = ReadRow(r, number);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (headers is null) { headers = cells.Select(c => c.Trim()).ToArray(); continue; }
            if (rows.Count >= _limits.MaxRows) throw _limits.TooManyRows();
            foreach (var c in cells) _keptChars += c.Length;
            if (_keptChars > _limits.MaxTotalChars) throw _limits.TooMuchText();
            rows.Add(new SheetRow(number, cells));
        }
        return new Sheet(headers ?? throw new RuleViolation("File", "文件是空的：第一行应为列标题"), rows);
    }

    private string[] ReadRow(XmlReader r, int rowNumber)
    {
        var depth = r.Depth;
        var cells = new List<string>();
        while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "c") continue;
            var column = ColumnOf(r.GetAttribute("r")) ?? cells.Count + 1;
            if (column > _limits.MaxColumns) throw _limits.TooManyColumns(rowNumber);
            var type = r.GetAttribute("t");
            var style = int.TryParse(r.GetAttribute("s"), out var s) ? s : 0;
            var text = r.IsEmptyElement ? "" : ReadCell(r, type, style, rowNumber, column);
            while (cells.Count < column) cells.Add("");
            cells[column - 1] = text;
        }
        return [.. cells];
    }

    /// <summary>The text of one &lt;c&gt;: its value (v) or inline string (is), turned into what the clerk sees.</summary>
    private string ReadCell(XmlReader r, string? type, int style, int row, int column)
    {
        var depth = r.Depth;
        string value = "";
        while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "v") value = r.IsEmptyElement ? "" : ReadText(r, row, column, shared: false);
            else if (r.LocalName == "is") value = r.IsEmptyElement ? "" : ReadText(r, row, column, shared: false);
            else r.Skip();
        }
        return type switch
        {
            "s" => int.TryParse(value, out var i) && i >= 0 && i < _shared.Count ? _shared[i] : throw Unreadable(),
            "inlineStr" or "str" or "e" => value.Trim(),
            "b" => value == "1" ? "是" : "否",
            "d" => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DateText(d) : value,
            _ => NumberText(value, style < _dateStyles.Count && _dateStyles[style]),
        };
    }

    /// <summary>
    /// The text inside the current element (a &lt;v&gt;, an &lt;is&gt; or a shared &lt;si&gt;): its own text or that of its
    /// &lt;t&gt; runs, leaving out phonetic runs; read in chunks so an oversized cell stops at the limit.
    /// </summary>
    private string ReadText(XmlReader r, int row, int column, bool shared)
    {
        var depth = r.Depth;
        var text = new StringBuilder();
        var buffer = new char[1024];
        while (r.Read() && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "rPh") { r.Skip(); continue; }
            if (r.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace))
                continue;
            int n;
            while ((n = r.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                text.Append(buffer, 0, n);
                if (text.Length > _limits.MaxCellChars)
                    throw shared
                        ? new RuleViolation("File", $"共享字符串第 {row} 项超过 {_limits.MaxCellChars} 个字符，文件可能已损坏")
                        : _limits.CellTooLong(row, column);
            }
        }
        return text.ToString();
    }

    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') column = column * 26 + (ch - 'A' + 1);
            else break;
            if (column > 1_000_000) return column;
        }
        return column == 0 ? null : column;
    }

    private static string NumberText(string raw, bool isDate)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return raw.Trim();
        if (isDate && x is > -657435 and < 2958466) return DateText(DateTime.FromOADate(x));
        return SheetReader.NumberText(x);
    }

    private static string DateText(DateTime d) =>
        d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
