using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Data.Configurations;
using FamilyPlanning.Core.Monthly;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Imports;

/// <summary>What a validated file will insert; updates are the tracked entities the importer changed.</summary>
public sealed class ImportBatch
{
    public List<Household> Households { get; } = [];
    public List<Person> Persons { get; } = [];
    public List<Woman> Women { get; } = [];
    public List<Birth> Births { get; } = [];
    public List<ContraceptiveEvent> Events { get; } = [];
    public int CreatedRows { get; set; }
    public int UpdatedRows { get; set; }
    public int UnchangedRows { get; set; }
}

/// <summary>The clerk's township as an import sees it: its villages, its locked months, new ids and the batch being built.</summary>
public sealed class ImportContext
{
    private readonly Dictionary<string, string> villageByName;
    private readonly Dictionary<string, string> townshipOfVillage;
    private readonly Dictionary<DateOnly, ReportStatus> locked;
    private readonly Queue<long> ids = new();
    private int blocks = 16;

    private ImportContext(AppDbContext db, UserScope scope, DateOnly today, string township, Dictionary<string, string> villageByName,
        Dictionary<string, string> townshipOfVillage, Dictionary<DateOnly, ReportStatus> locked, List<PolicyRule> policy,
        RegisterRules rules)
    {
        Db = db;
        Scope = scope;
        Today = today;
        TownshipCode = township;
        this.villageByName = villageByName;
        this.townshipOfVillage = townshipOfVillage;
        this.locked = locked;
        PolicyRules = policy;
        Rules = rules;
    }

    public AppDbContext Db { get; }
    public UserScope Scope { get; }
    public DateOnly Today { get; }
    public string TownshipCode { get; }
    public List<PolicyRule> PolicyRules { get; }

    /// <summary>The pages' rules, shared.</summary>
    public RegisterRules Rules { get; }
    public ImportBatch Batch { get; } = new();

    public static async Task<ImportContext> LoadAsync(AppDbContext db, UserScope scope, DateOnly today, RegisterRules rules,
        CancellationToken ct)
    {
        var township = scope.TownshipCode!;
        var villages = await db.Villages.AsNoTracking().Select(v => new { v.Code, v.Name, v.TownshipCode }).ToListAsync(ct);
        var locked = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.TownshipCode == township && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved))
            .ToDictionaryAsync(r => r.Month, r => r.Status, ct);
        var policy = await db.PolicyRules.AsNoTracking().ToListAsync(ct);
        return new ImportContext(db, scope, today, township,
            villages.Where(v => v.TownshipCode == township).GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First().Code),
            villages.ToDictionary(v => v.Code, v => v.TownshipCode), locked, policy, rules);
    }

    /// <summary>A village of the clerk's township, written as its 12-digit code or its name.</summary>
    public string? Village(ImportRow row, string property, string? text)
    {
        if (text is null) return null;
        if (townshipOfVillage.TryGetValue(text, out var township))
        {
            if (township == TownshipCode) return text;
            row.Error(property, $"村（居）代码 {text} 属于其他乡镇，只能导入本乡镇的数据");
            return null;
        }
        if (villageByName.TryGetValue(text, out var code)) return code;
        row.Error(property, $"本乡镇没有村（居）“{text}”：请填写12位村（居）代码或本乡镇村（居）委会的名称");
        return null;
    }

    /// <summary>A record of another township: a clerk's file may not touch it, and is not told whose it is.</summary>
    public bool OwnTownship(ImportRow row, string property, string township, string what)
    {
        if (township == TownshipCode) return true;
        row.Error(property, $"{what}不属于本乡镇，只能导入本乡镇的数据");
        return false;
    }

    /// <summary>The month lock (docs/domain.md, monthly reports): nothing dated in a submitted or approved month is created or changed.</summary>
    public bool Unlocked(ImportRow row, string property, DateOnly? date)
    {
        if (date is not { } d || !locked.TryGetValue(new DateOnly(d.Year, d.Month, 1), out var status)) return true;
        row.Error(property, $"{d:yyyy年M月}的月报{ReportNames.Of(status)}，该月的记录不能导入；如需更正，请联系县级工作人员退回或重新打开该月");
        return false;
    }

    /// <summary>A new register id from the HiLo sequence the change tracker uses (increment 10: each value starts a block).</summary>
    public async Task<long> NewIdAsync(CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            var starts = await Db.Database
                .SqlQueryRaw<long>("SELECT nextval('register_ids') AS \"Value\" FROM generate_series(1, {0})", blocks)
                .ToListAsync(ct);
            foreach (var start in starts)
                for (var i = 0; i < RegisterColumns.IdBlockSize; i++) ids.Enqueue(start + i);
            blocks = Math.Min(blocks * 2, 4096);
        }
        return ids.Dequeue();
    }

    /// <summary>Whether the importer changed a tracked entity (counted as an updated row; the interceptor audits it).</summary>
    public bool Changed(object entity)
    {
        var entry = Db.Entry(entity);
        entry.DetectChanges();
        return entry.State == EntityState.Modified;
    }
}
