using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Demo;
using FamilyPlanning.Core.Indicators.Ledger;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>Command verbs: `migrate`, `seed-demo`, `create-admin --user U --password P [--name N]`,
/// `verify-ledger [--from 2024-01] [--to 2026-12]`, `rebuild-ledger`.</summary>
public static class Commands
{
    public static readonly string[] Verbs = ["migrate", "seed-demo", "create-admin", "verify-ledger", "rebuild-ledger"];

    /// <summary>The verb among the arguments (host options such as --contentRoot may come first), or null to serve.</summary>
    public static string? VerbOf(string[] args) => args.FirstOrDefault(a => Verbs.Contains(a));

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args, string ownerConnectionString)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var ct = CancellationToken.None;
        await DatabaseMigrator.MigrateAsync(ownerConnectionString, ct);
        Console.WriteLine("数据库已迁移到最新版本。");
        switch (verb)
        {
            case "migrate":
                return 0;
            case "seed-demo":
                var seeder = sp.GetRequiredService<DemoSeeder>();
                var scale = int.TryParse(Option(args, "--scale"), out var s) && s >= 0 ? s : 1;
                var seeded = await seeder.SeedAsync(scale, ChinaTime.Today(sp.GetRequiredService<TimeProvider>()), ct);
                // The bulk load's ledger deltas are folded at once (the first dashboard reads monthly totals), then the owner
                // refreshes the planner's statistics (the portal's role may not).
                await LedgerMaintenance.FoldAsync(ownerConnectionString, ct);
                await using (var owner = new Npgsql.NpgsqlConnection(ownerConnectionString))
                {
                    await owner.OpenAsync(ct);
                    await using var analyze = new Npgsql.NpgsqlCommand("VACUUM ANALYZE", owner) { CommandTimeout = 600 };
                    await analyze.ExecuteNonQueryAsync(ct);
                }
                Console.WriteLine(seeded.Seeded
                    ? $"已生成演示县数据（规模 {scale}）：{seeded.Persons} 人，{seeded.Households} 户，{seeded.Births} 条出生登记，共 {seeded.Rows} 行；" +
                      $"生成 {seeded.Generate.TotalSeconds:F1} 秒，写入 {seeded.Load.TotalSeconds:F1} 秒（{seeded.Rows / Math.Max(0.001, seeded.Load.TotalSeconds):F0} 行/秒）。"
                    : "演示数据已存在，未重复生成。");
                Console.WriteLine("演示账号（密码均为 " + DemoSeeder.DemoPassword + "）：");
                foreach (var l in await seeder.LoginsAsync(ct))
                    Console.WriteLine($"  {l.UserName,-10} {Roles.ChineseName(l.Role)}{(l.Township is null ? "" : "（" + l.Township + "）")}");
                return 0;
            case "create-admin":
                var user = Option(args, "--user");
                var password = Option(args, "--password") ?? Environment.GetEnvironmentVariable("FP_ADMIN_PASSWORD");
                if (user is null || password is null)
                {
                    Console.Error.WriteLine("用法：create-admin --user 用户名 --password 密码 [--name 姓名]（或用环境变量 FP_ADMIN_PASSWORD 传密码）");
                    return 2;
                }
                var users = sp.GetRequiredService<UserService>();
                try
                {
                    await users.CreateAdminAsync(user, Option(args, "--name") ?? "系统管理员", password, ct);
                }
                catch (Core.Common.RuleViolation e)
                {
                    Console.Error.WriteLine("创建失败：" + e.Message);
                    return 1;
                }
                Console.WriteLine($"已创建系统管理员 {user}。");
                return 0;
            case "rebuild-ledger":
                var (entries, took) = await LedgerMaintenance.RebuildAsync(ownerConnectionString, ct);
                Console.WriteLine($"指标台账已重建：{entries} 条分户记录，用时 {took.TotalSeconds:F1} 秒。");
                return 0;
            case "verify-ledger":
                return await VerifyLedgerAsync(sp, args, ownerConnectionString, ct);
            default:
                return 2;
        }
    }

    /// <summary>Folds, then compares ledger and registers for every township and month (default: the last three calendar
    /// years up to this month); prints each difference and exits 1 if there is any.</summary>
    private static async Task<int> VerifyLedgerAsync(IServiceProvider sp, string[] args, string ownerConnectionString, CancellationToken ct)
    {
        var today = ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
        DateOnly? Month(string name, DateOnly fallback) => Option(args, name) is not { } text ? fallback
            : DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", out var d) ? d : null;
        if ((Month("--from", new DateOnly(today.Year - 2, 1, 1)), Month("--to", new DateOnly(today.Year, today.Month, 1)))
            is not ({ } from, { } to) || from > to)
        {
            Console.Error.WriteLine("用法：verify-ledger [--from 2024-01] [--to 2026-12]（年-月，开始月份不能晚于结束月份）");
            return 2;
        }
        while (await LedgerMaintenance.FoldAsync(ownerConnectionString, ct) < 0) await Task.Delay(100, ct);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var differences = await sp.GetRequiredService<LedgerMaintenance>().VerifyAsync(from, to, ct);
        foreach (var d in differences.Take(200)) Console.WriteLine(d);
        Console.WriteLine(differences.Count == 0
            ? $"指标台账与登记簿一致：{from:yyyy-MM} 至 {to:yyyy-MM} 每个乡镇每月的每项计数都相同（用时 {watch.Elapsed.TotalSeconds:F1} 秒）。"
            : $"指标台账与登记簿不一致：{differences.Count} 处差异。可运行 rebuild-ledger 重建台账。");
        return differences.Count == 0 ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
