using FamilyPlanning.Core.Data;
using FamilyPlanning.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
using var startupLog = LoggerFactory.Create(b => b.AddConsole());
Database.Connections connections;
LocalPostgres? embedded;
try
{
    connections = Database.ConnectionStrings(builder.Configuration, startupLog.CreateLogger("Database"), out embedded);
}
catch (EmbeddedDatabaseException e)
{
    // What went wrong with the embedded database is said in one line, in Chinese; a stack trace would only hide it.
    Console.Error.WriteLine(e.Message);
    return 2;
}
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
