using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.Indicators.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Web.Infrastructure;

/// <summary>
/// Folds the ledger's committed deltas into its daily and monthly sums every second (<c>Ledger:FoldSeconds</c>). Reports are
/// exact without it (they add the unfolded deltas); folding keeps what they add small. Several portal processes may run
/// it: the database lets one fold at a time.
/// </summary>
public sealed class LedgerFolder(IServiceScopeFactory scopes, IConfiguration config, ILogger<LedgerFolder> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(config.GetValue("Ledger:FoldSeconds", 1.0));
        string connection;
        using (var scope = scopes.CreateScope())
            connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stoppingToken);
                await LedgerMaintenance.FoldAsync(connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting; the next round tries again and nothing is lost meanwhile.
                log.LogWarning(e, "Ledger fold failed");
            }
        }
    }
}
