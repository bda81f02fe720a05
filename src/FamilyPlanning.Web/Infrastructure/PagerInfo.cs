using FamilyPlanning.Core.Common;

namespace FamilyPlanning.Web.Infrastructure;

public sealed record PagerInfo(int Page, int PageCount, int Total)
{
    public static PagerInfo Of<T>(Paged<T> p) => new(p.Page, p.PageCount, p.Total);
}
