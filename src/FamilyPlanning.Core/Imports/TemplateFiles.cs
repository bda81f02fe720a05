using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Core.Imports;

/// <summary>Downloadable templates: the header row (XLSX with a 说明 sheet of every column, or CSV) and the error report of a
/// rejected file.</summary>
public static class TemplateFiles
{
    public static (byte[] content, string contentType, string fileName) Template(Template t, string? format)
    {
        var stem = $"{t.Title}导入模板";
        var sheet = new Table(t.Title, t.Columns.Select(c => c.Header).ToArray(), []);
        if (format == "csv") return (TableFile.Csv(sheet), TableFile.CsvType, stem + ".csv");
        var help = new Table("说明", ["列", "必填", "示例", "说明"],
            t.Columns.Select(c => new object?[] { c.Header, c.Required ? "是" : "否", c.Example, c.Note })
                .Append(["匹配规则", "", "", t.Matching]));
        return (TableFile.Xlsx(sheet, help), TableFile.XlsxType, stem + ".xlsx");
    }


    public static (byte[] content, string contentType, string fileName) Problems(ImportRun run, List<ImportProblem> problems, string? format)
    {
        var table = new Table("问题清单", ["行", "列", "问题"],
            problems.Select(p => new object?[] { p.Row == 0 ? "文件" : p.Row.ToString(), p.Column, p.Message }));
        return TableFile.Make(format, $"导入问题清单_{run.FileName}_{ChinaTime.ToChina(run.At):yyyyMMddHHmm}", table);
    }
}
