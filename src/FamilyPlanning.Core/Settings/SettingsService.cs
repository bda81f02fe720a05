using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Settings;

public sealed record SettingsInput
{
    [Display(Name = "统计年度起始月")]
    public int YearStartMonth { get; init; } = 1;

    [Range(1, 28, ErrorMessage = "上报截止日应在每月 {1}–{2} 日之间")]
    [Display(Name = "月报截止日")]
    public int ReportDeadlineDay { get; init; } = 5;

    [Display(Name = "综合节育率分母不含免于节育的妇女")]
    public bool ExcludeExemptFromPrevalence { get; init; } = true;

    public uint Version { get; init; }
}

public sealed class SettingsService(AppDbContext db, ICurrentUser current)
{
    public async Task<PortalSettings> GetAsync(CancellationToken ct) =>
        await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new PortalSettings();

    public async Task UpdateAsync(SettingsInput input, CancellationToken ct)
    {
        if (!current.Scope.Roles.Contains(Roles.Admin)) throw new NotFoundOrForbidden("系统设置");
        if (input.YearStartMonth is not (1 or 10))
            throw new RuleViolation(nameof(input.YearStartMonth), "统计年度只能从1月（日历年）或10月（上年10月1日至当年9月30日）开始");
        var s = await db.Settings.FirstAsync(ct);
        db.ExpectVersion(s, input.Version);
        s.YearStartMonth = input.YearStartMonth;
        s.ReportDeadlineDay = input.ReportDeadlineDay;
        s.ExcludeExemptFromPrevalence = input.ExcludeExemptFromPrevalence;
        await db.SaveOrExplainAsync(ct);
    }
}
