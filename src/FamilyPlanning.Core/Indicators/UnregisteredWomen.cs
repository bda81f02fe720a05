using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyPlanning.Core.Indicators;

/// <summary>
/// 已婚育龄妇女未建档: 户籍 women present on a date, aged 15–49 and married then (from their histories), who have no 育龄妇女
/// record. The prevalence figures stay on records; this is the gap they do not see, reported as a data-quality count on the
/// dashboard (a flag), the clerk's home and the monthly checks (one warning per woman, linked to her page).
/// </summary>
public static class UnregisteredWomen
{
    /// <summary>Person id, name and township of each such woman on @to in the townships @t.</summary>
    public static readonly string Sql = $"""
        SELECT p.id, p.name, s.township_code::text
        FROM person_events s JOIN persons p ON p.id = s.person_id
        WHERE s.township_code = ANY(@t) AND {IndicatorSql.Holds("s", "@to")} AND s.present
          AND NOT {IndicatorSql.InMigrant("s.residence")} AND {IndicatorSql.Married("s.marital_status")}
          AND p.sex = {(int)Sex.Female} AND {IndicatorSql.Wcba("p.birth_date", "@to")}
          AND NOT EXISTS (SELECT 1 FROM women w WHERE w.person_id = p.id)
        """;

    public static string Flag(long count) => $"已婚育龄妇女未建档 {count}人";

    public static async Task<List<(long Id, string Name)>> ListAsync(AppDbContext db, string township, DateOnly on, CancellationToken ct)
    {
        var list = new List<(long, string)>();
        await using var conn = new NpgsqlConnection(db.Database.GetConnectionString());
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql + " ORDER BY p.name LIMIT 500", conn);
        cmd.Parameters.AddWithValue("t", new[] { township });
        cmd.Parameters.AddWithValue("to", on);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetInt64(0), r.GetString(1)));
        return list;
    }
}
