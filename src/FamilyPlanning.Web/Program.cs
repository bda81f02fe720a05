using FamilyPlanning.Core.Data;
using FamilyPlanning.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
using var startupLog = LoggerFactory.Create(b => b.AddConsole());
var connectionString = Database.ConnectionString(builder.Configuration, startupLog.CreateLogger("Database"), out var embedded);
builder.AddPortal(connectionString);

var app = builder.Build();
if (embedded is not null)
{
    app.Lifetime.ApplicationStopped.Register(embedded.Stop);
    AppDomain.CurrentDomain.ProcessExit += (_, _) => embedded.Stop();
}

if (Commands.IsVerb(args))
{
    try { return await Commands.RunAsync(app, args); }
    finally { embedded?.Stop(); }
}

app.UsePortal();
await app.RunAsync();
return 0;

public partial class Program;
