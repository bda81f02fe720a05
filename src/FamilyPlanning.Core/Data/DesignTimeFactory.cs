using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FamilyPlanning.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host or a database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, "Host=127.0.0.1;Database=design_time", audit: null);
        return new AppDbContext(options.Options);
    }
}
