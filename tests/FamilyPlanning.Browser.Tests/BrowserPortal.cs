using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Demo;
using FamilyPlanning.Core.People;
using FamilyPlanning.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace FamilyPlanning.Browser.Tests;

/// <summary>
/// The portal served by Kestrel on 127.0.0.1 (a real port) against a throwaway PostgreSQL with the demo org tree and users,
/// and Debian's chromium driven by Playwright. Never downloads a browser.
/// </summary>
public sealed class BrowserPortal : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Longmen = "371426001000";
    public const string LongmenVillage = "371426001001";

    private LocalPostgres? _pg;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string ConnectionString => _pg!.ConnectionString;
    private string? _appConnectionString;

    /// <summary>Screenshots of every step, kept as test artifacts (CI uploads the folder).</summary>
    public static string Artifacts { get; } = Path.Combine(FindRoot(), "artifacts", "browser");

    public async Task InitializeAsync()
    {
        _pg = LocalPostgres.StartThrowaway("familyplanning_browser");
        _appConnectionString = _pg.AppConnectionString;
        await DatabaseMigrator.MigrateAsync(_pg.ConnectionString, CancellationToken.None);
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
        if (Directory.Exists(Artifacts)) Directory.Delete(Artifacts, recursive: true);
        Directory.CreateDirectory(Artifacts);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", _appConnectionString);
        // Plain http on loopback, as run.sh serves it: cookies without the Secure flag.
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Security:LoginAttemptsPerMinutePerIp", "100000");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(TestClock.Create()));
    }

    /// <summary>A female person of Longmen with an ID number and a household, ready to be registered as a woman.</summary>
    public async Task<(long personId, string idNumber)> FemalePersonAsync(string name, DateOnly birth, int sequence)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var household = new Household { Number = $"BR-{sequence:D4}", VillageCode = LongmenVillage, TownshipCode = Longmen, HeadName = "王建国", HukouType = HukouType.Agricultural };
        db.Households.Add(household);
        var person = new Person
        {
            Name = name,
            Sex = Sex.Female,
            BirthDate = birth,
            Household = household,
            VillageCode = LongmenVillage,
            TownshipCode = Longmen,
            Relation = Relation.Spouse,
            MaritalStatus = MaritalStatus.FirstMarriage,
            IdNumber = IdNumber.Make("371426", birth, sequence * 2),
        };
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return (person.Id, person.IdNumber!);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var result = await cmd.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        _pg?.Dispose();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FamilyPlanning.sln"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
