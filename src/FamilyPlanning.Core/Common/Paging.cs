using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Common;

public sealed record Paged<T>(List<T> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int PageSize = 50;
    /// <summary>Rows in one export file; a larger list says so in its last row.</summary>
    public const int ExportLimit = 300_000;

    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> query, int page, CancellationToken ct, int pageSize = PageSize)
    {
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(rows, total, page, pageSize);
    }
}
