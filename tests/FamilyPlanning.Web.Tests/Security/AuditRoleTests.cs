using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyPlanning.Web.Tests.Security;

/// <summary>The audit log can be added to and read by the portal's database role, never rewritten; each change adds one row.</summary>
public class AuditRoleTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task AppRole_IsNotTheOwner_AndCannotUpdateDeleteOrTruncateAuditRows()
    {
        using (var scope = Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").FirstAsync();
            Assert.Equal(AppRole.Login, user);
        }
        await new Given(Portal).HouseholdAsync();
        var rows = await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log");
        Assert.True(rows > 0);

        await using var conn = new NpgsqlConnection(Portal.AppConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_log SET user_name = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit_log (at, user_id, user_name, entity, entity_key, action) VALUES (now(), 't', 't', 'Test', '1', 1)", conn))
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        Assert.Equal(rows + 1, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task AppRole_AddsToTheSummaryArchive_ButCannotRewriteIt()
    {
        var county = await SignInAsync("county");
        var pdf = await county.GetAsync($"/Reports/HalfYear?handler=Pdf&area=county&year={Given.Today.Year - 1}&part=H1");
        Assert.Equal(System.Net.HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(1, await Portal.ScalarAsync<long>("SELECT count(*) FROM report_exports"));

        await using var conn = new NpgsqlConnection(Portal.AppConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[] { "UPDATE report_exports SET title = 'x'", "DELETE FROM report_exports", "TRUNCATE report_exports" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }
    }

    [Fact]
    public async Task Post_EditPerson_AddsExactlyOneAuditRowWithBeforeAndAfter()
    {
        var given = new Given(Portal);
        var household = await given.HouseholdAsync();
        var person = await given.PersonAsync(household, "王一", Sex.Male, new DateOnly(1980, 1, 1), withId: false, relation: Relation.Head);
        var before = await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log");
        var clerk = await SignInAsync("clerk01");
        var page = await Forms.GetHtmlAsync(clerk, $"/Persons/Edit/{person}");
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var fields = PersonForm.Head("王二");
        fields["Version"] = version;
        var response = await Forms.PostAsync(clerk, $"/Persons/Edit/{person}", fields);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, await Portal.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
        Assert.Equal("王一>王二|clerk01", await Portal.ScalarAsync<string>(
            $"SELECT (before->>'Name') || '>' || (after->>'Name') || '|' || user_name FROM audit_log WHERE entity = 'Person' AND entity_key = '{person}' AND action = 2"));
    }
}
