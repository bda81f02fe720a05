using System.IO.Compression;
using System.Text;

namespace FamilyPlanning.Web.Tests.Imports;

/// <summary>
/// Decompression bombs built in the test: a minimal XLSX whose sheet (or shared strings) is one XML fragment repeated until
/// it expands far past every limit, deflated so the file stays a few megabytes.
/// </summary>
public static class XlsxBombs
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>An XLSX with the given sheet XML parts; <paramref name="body"/> is repeated <paramref name="times"/> times.</summary>
    public static byte[] Build(string sheetHead, string body, long times, string sheetTail, string? sharedStrings = null,
        bool lieAboutSize = false)
    {
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Add(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Ns}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>");
            if (sharedStrings is not null)
                Repeat(zip, "xl/sharedStrings.xml", $"<sst xmlns=\"{Ns}\">", sharedStrings, times, "</sst>");
            Repeat(zip, "xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Ns}\"><sheetData>" + sheetHead,
                body, sharedStrings is null ? times : 0, sheetTail + "</sheetData></worksheet>");
        }
        var bytes = file.ToArray();
        if (lieAboutSize) DeclareSmall(bytes);
        return bytes;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void Repeat(ZipArchive zip, string name, string head, string body, long times, string tail)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(Encoding.UTF8.GetBytes(head));
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(body, 4096)));
        if (chunk.Length > 0)
            for (long i = 0; i < times / 4096; i++) s.Write(chunk);
        var rest = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(body, (int)(times % 4096))));
        s.Write(rest);
        s.Write(Encoding.UTF8.GetBytes(tail));
    }

    /// <summary>Rewrites the declared uncompressed size of the sheet and shared strings (local headers and central
    /// directory) to 200 MB.</summary>
    private static void DeclareSmall(byte[] zip)
    {
        static bool Big(byte[] zip, int nameAt, int nameLength)
        {
            var name = Encoding.ASCII.GetString(zip, nameAt, nameLength);
            return name is "xl/worksheets/sheet1.xml" or "xl/sharedStrings.xml";
        }
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var sig = BitConverter.ToUInt32(zip, i);
            if (sig == 0x04034b50 && Big(zip, i + 30, BitConverter.ToUInt16(zip, i + 26)))
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), 200u * 1024 * 1024);
            else if (sig == 0x02014b50 && Big(zip, i + 46, BitConverter.ToUInt16(zip, i + 28)))
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), 200u * 1024 * 1024);
        }
    }
}
