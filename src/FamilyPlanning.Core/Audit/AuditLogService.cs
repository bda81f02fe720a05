using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Audit;

public sealed record AuditFilter(string? Entity, string? User, DateOnly? From, DateOnly? To, int Page = 1);

public sealed record AuditPage(List<AuditEntry> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Browsing the audit log: Admin sees all of it; nobody else sees it here (record history pages come later,
/// restricted by township).</summary>
public sealed class AuditLogService(AppDbContext db, ICurrentUser current)
{
    public const int PageSize = 50;

    public async Task<AuditPage> SearchAsync(AuditFilter f, CancellationToken ct)
    {
        if (!current.Scope.Roles.Contains(Roles.Admin)) throw new NotFoundOrForbidden("审计日志");
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Entity)) q = q.Where(a => a.Entity == f.Entity);
        if (!string.IsNullOrWhiteSpace(f.User)) q = q.Where(a => a.UserName.Contains(f.User.Trim()));
        // Dates are China Standard Time days (UTC+8), the office's own calendar.
        if (f.From is { } from)
        {
            Indicators.Period.CheckYear(from.Year, nameof(f.From));
            var fromUtc = ChinaTime.StartOfDay(from).ToUniversalTime();
            q = q.Where(a => a.At >= fromUtc);
        }
        if (f.To is { } to)
        {
            Indicators.Period.CheckYear(to.Year, nameof(f.To));
            var toUtc = ChinaTime.StartOfDay(to.AddDays(1)).ToUniversalTime();
            q = q.Where(a => a.At < toUtc);
        }
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditPage(rows, total, page, PageSize);
    }

    /// <summary>The history of one record, for its details page: only for users who may read the record's township.</summary>
    public Task<List<AuditEntry>> HistoryAsync(string entity, string key, string townshipCode, CancellationToken ct)
    {
        if (!current.Scope.CanRead(townshipCode)) throw new NotFoundOrForbidden("记录");
        return db.AuditEntries.AsNoTracking().Where(a => a.Entity == entity && a.EntityKey == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }

    public Task<List<string>> EntitiesAsync(CancellationToken ct) =>
        db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
}
