using System.Security.Cryptography;
using System.Text.Json;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Reports;

/// <summary>An exported PDF, kept byte for byte with who made it, when, its SHA-256 and the figures it used, so the copy an
/// official took to a meeting can be downloaded again exactly.</summary>
[NotAudited]
public class ReportExport
{
    public long Id { get; set; }
    public required string Area { get; set; }
    public required string AreaName { get; set; }
    public string? TownshipCode { get; set; }
    public required string PeriodCode { get; set; }
    public required string Title { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Sha256 { get; set; }
    public int Size { get; set; }
    public required byte[] Content { get; set; }
    public required string Figures { get; set; }
}

public sealed record ExportRow(long Id, string Title, string AreaName, string UserName, DateTimeOffset At, string Sha256, int Size);

public sealed class ReportArchive(AppDbContext db, ICurrentUser current, TimeProvider clock)
{
    public async Task<ReportExport> StoreAsync(HalfYearSummary s, string area, string periodCode, byte[] pdf, CancellationToken ct)
    {
        var export = new ReportExport
        {
            Area = area,
            AreaName = s.AreaName,
            TownshipCode = area == "county" ? null : area,
            PeriodCode = periodCode,
            Title = s.Title,
            UserName = current.Scope.UserName,
            At = clock.GetUtcNow(),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            Size = pdf.Length,
            Content = pdf,
            Figures = JsonSerializer.Serialize(s.Report.Total.Figures.ToDictionary(f => f.Key, f => f.Text),
                new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        };
        db.Add(export);
        await db.SaveOrExplainAsync(ct);
        return export;
    }

    /// <summary>Earlier exports the user may read: the county's for county readers, a township's for whoever reads it.</summary>
    public Task<List<ExportRow>> ListAsync(CancellationToken ct)
    {
        var s = current.Scope;
        var q = db.Set<ReportExport>().AsNoTracking();
        q = s.ReadsWholeCounty ? q : s.Readable(q.Where(e => e.TownshipCode != null), e => e.TownshipCode!);
        return q.OrderByDescending(e => e.At).Take(200)
            .Select(e => new ExportRow(e.Id, e.Title, e.AreaName, e.UserName, e.At, e.Sha256, e.Size)).ToListAsync(ct);
    }

    public async Task<ReportExport> GetAsync(long id, CancellationToken ct)
    {
        var e = await db.Set<ReportExport>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundOrForbidden("报告");
        if (e.TownshipCode is null ? !current.Scope.ReadsWholeCounty : !current.Scope.CanRead(e.TownshipCode)) throw new NotFoundOrForbidden("报告");
        return e;
    }
}
