using FamilyPlanning.Core.Data;
using FamilyPlanning.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
using var startupLog = LoggerFactory.Create(b => b.AddConsole());
var connections = Database.ConnectionStrings(builder.Configuration, startupLog.CreateLogger("Database"), out var embedded);
builder.AddPortal(connections.App);

var app = builder.Build();
if (embedded is not null)
{
    app.Lifetime.ApplicationStopped.Register(embedded.Stop);
    AppDomain.CurrentDomain.ProcessExit += (_, _) => embedded.Stop();
}

if (Commands.VerbOf(args) is { } verb)
{
    try { return await Commands.RunAsync(app, verb, args, connections.Owner); }
    finally { embedded?.Stop(); }
}

app.UsePortal();
await app.RunAsync();
return 0;

public partial class Program;
