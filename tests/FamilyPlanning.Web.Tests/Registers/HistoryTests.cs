using System.Net;
using System.Text.Json;
using FamilyPlanning.Core.People;
using FamilyPlanning.Web.Tests.Infrastructure;

namespace FamilyPlanning.Web.Tests.Registers;

/// <summary>
/// Figures of a past period come from the persons' histories as they were then (issue 14): a return migrant, a marriage,
/// divorce and remarriage across period ends, a household moved between villages, a woman moved between townships; and a
/// report computed before and after a stretch of later events is the same, figure for figure, for every township.
/// </summary>
public class HistoryTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private Task<long> VersionAsync(long person) =>
        Portal.ScalarAsync<long>("SELECT xmin::text::bigint FROM persons WHERE id = @p", ("p", person));

    private async Task PostAsync(HttpClient clerk, long person, string handler, Dictionary<string, string> fields)
    {
        fields["Version"] = (await VersionAsync(person)).ToString();
        using var response = await Forms.SubmitAsync(clerk, $"/Persons/Details/{person}", handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static Task<string> FigureAsync(HttpClient county, string period, string key, string township = Given.Longmen) =>
        IndicatorApi.FigureAsync(county, period, key, township);

    [Fact]
    public async Task ReturnMigrant_OutAndBackTwice_CountedExactlyWhenHere()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "往返人", Sex.Male, new DateOnly(1980, 1, 1), relation: Relation.Head);
        var clerk = await SignInAsync("clerk01");
        await PostAsync(clerk, person, "MoveOut", new() { ["MoveOut.Date"] = "2025-03-01", ["MoveOut.Place"] = "广东省深圳市" });
        await PostAsync(clerk, person, "MoveIn", new() { ["MoveIn.Date"] = "2025-09-01" });
        await PostAsync(clerk, person, "MoveOut", new() { ["MoveOut.Date"] = "2026-02-01", ["MoveOut.Place"] = "浙江省杭州市" });
        await PostAsync(clerk, person, "MoveIn", new() { ["MoveIn.Date"] = "2026-05-01" });

        var county = await SignInAsync("county");
        Assert.Equal("1", await FigureAsync(county, "2024", "population"));
        Assert.Equal("0", await FigureAsync(county, "2025H1", "population"));
        Assert.Equal("1", await FigureAsync(county, "2025", "population"));
        Assert.Equal("0", await FigureAsync(county, "2026Q1", "population"));
        Assert.Equal("1", await FigureAsync(county, "2026H1", "population"));
        var page = await Forms.GetHtmlAsync(clerk, $"/Persons/Details/{person}");
        Assert.Equal(5, page.QuerySelectorAll("#person-events tbody tr").Length);
        Assert.Contains("浙江省杭州市", page.QuerySelector("#person-events")!.TextContent);
    }

    [Fact]
    public async Task WronglyEnteredMove_DeletedWithAReason_FiguresAndRowFollow_AndTheReasonIsInTheHistory()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "误登人", Sex.Male, new DateOnly(1980, 1, 1), relation: Relation.Head);
        var clerk = await SignInAsync("clerk01");
        await PostAsync(clerk, person, "MoveOut", new() { ["MoveOut.Date"] = "2025-03-01", ["MoveOut.Place"] = "外省" });
        var county = await SignInAsync("county");
        Assert.Equal("0", await FigureAsync(county, "2025H1", "population"));
        var moveOut = await Portal.ScalarAsync<long>("SELECT id FROM person_events WHERE person_id = @p AND kind = @k",
            ("p", person), ("k", (int)PersonEventKind.MoveOut));

        var noReason = await Forms.SubmitAsync(clerk, $"/Persons/Details/{person}", "DeleteFact",
            new() { ["Version"] = (await VersionAsync(person)).ToString(), ["eventId"] = moveOut.ToString(), ["reason"] = "" });
        Assert.Contains("请填写删除理由", await noReason.Content.ReadAsStringAsync());
        await PostAsync(clerk, person, "DeleteFact", new() { ["eventId"] = moveOut.ToString(), ["reason"] = "误录：本人未迁出" });

        Assert.Equal("1", await FigureAsync(county, "2025H1", "population"));
        Assert.Null(await Portal.ScalarAsync<DateOnly?>("SELECT moved_out_on FROM persons WHERE id = @p", ("p", person)));
        var page = await Forms.GetHtmlAsync(clerk, $"/Persons/Details/{person}");
        Assert.Contains("误录：本人未迁出", page.Body!.TextContent);
        Assert.Single(page.QuerySelectorAll("#person-events tbody tr"));
    }

    [Fact]
    public async Task MarriageDivorceRemarriage_AcrossPeriodEnds_MarriedWcbaByTheStatusOnEachDate()
    {
        var (_, person, _) = await _given.MotherAsync(new DateOnly(1990, 1, 1), registeredOn: new DateOnly(2015, 1, 1));
        var clerk = await SignInAsync("clerk01");
        await PostAsync(clerk, person, "Marital", new() { ["Marital.Status"] = "Divorced", ["Marital.Date"] = "2025-05-01" });
        await PostAsync(clerk, person, "Marital", new() { ["Marital.Status"] = "Remarried", ["Marital.Date"] = "2026-02-01" });

        var county = await SignInAsync("county");
        Assert.Equal("0", await FigureAsync(county, "2014", "married_wcba"));  // married on 2015-01-01 (her 结婚日期)
        Assert.Equal("1", await FigureAsync(county, "2024", "married_wcba"));
        Assert.Equal("0", await FigureAsync(county, "2025H1", "married_wcba"));
        Assert.Equal("0", await FigureAsync(county, "2025", "married_wcba"));
        Assert.Equal("1", await FigureAsync(county, "2026H1", "married_wcba"));
        Assert.Equal((int)MaritalStatus.Remarried, await Portal.ScalarAsync<int>("SELECT marital_status FROM persons WHERE id = @p", ("p", person)));
    }

    [Fact]
    public async Task DatedFact_InASubmittedMonth_IsRefusedAndNothingChanges()
    {
        var (_, person, _) = await _given.MotherAsync(new DateOnly(1990, 1, 1), registeredOn: new DateOnly(2015, 1, 1));
        var clerk = await SignInAsync("clerk01");
        var month = new DateOnly(Given.Today.Year, Given.Today.Month, 1).AddMonths(-2);
        Assert.Equal(HttpStatusCode.Redirect,
            (await Forms.SubmitAsync(clerk, $"/Monthly/Report?township={Given.Longmen}&month={month:yyyy-MM}", "Submit", [])).StatusCode);
        var events = await Portal.ScalarAsync<long>("SELECT count(*) FROM person_events WHERE person_id = @p", ("p", person));

        var refused = await Forms.SubmitAsync(clerk, $"/Persons/Details/{person}", "Marital", new()
        {
            ["Version"] = (await VersionAsync(person)).ToString(),
            ["Marital.Status"] = "Divorced",
            ["Marital.Date"] = month.AddDays(9).ToString("yyyy-MM-dd"),
        });
        Assert.Contains("月报已上报", await refused.Content.ReadAsStringAsync());
        Assert.Equal(events, await Portal.ScalarAsync<long>("SELECT count(*) FROM person_events WHERE person_id = @p", ("p", person)));
        Assert.Equal((int)MaritalStatus.FirstMarriage, await Portal.ScalarAsync<int>("SELECT marital_status FROM persons WHERE id = @p", ("p", person)));
    }

    [Fact]
    public async Task BackDatedDivorce_BetweenEarlierFacts_ChangesOnlyTheDatesAfterIt()
    {
        var (_, person, _) = await _given.MotherAsync(new DateOnly(1990, 1, 1), registeredOn: new DateOnly(2015, 1, 1));
        var clerk = await SignInAsync("clerk01");
        await PostAsync(clerk, person, "Marital", new() { ["Marital.Status"] = "Remarried", ["Marital.Date"] = "2026-02-01" });
        await PostAsync(clerk, person, "Marital", new() { ["Marital.Status"] = "Divorced", ["Marital.Date"] = "2025-05-01" });

        var county = await SignInAsync("county");
        Assert.Equal("1", await FigureAsync(county, "2024", "married_wcba"));
        Assert.Equal("0", await FigureAsync(county, "2025", "married_wcba"));
        Assert.Equal("1", await FigureAsync(county, "2026H1", "married_wcba"));
        Assert.Equal((int)MaritalStatus.Remarried, await Portal.ScalarAsync<int>("SELECT marital_status FROM persons WHERE id = @p", ("p", person)));
    }

    [Fact]
    public async Task HouseholdMovedToAnotherVillage_EarlierDatesCountItInTheOldVillage()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "搬家人", Sex.Male, new DateOnly(1980, 1, 1), relation: Relation.Head);
        var other = await Portal.ScalarAsync<string>("SELECT code FROM villages WHERE township_code = @t AND code <> @v ORDER BY code LIMIT 1",
            ("t", Given.Longmen), ("v", Given.LongmenVillage));
        var clerk = await SignInAsync("clerk01");
        var response = await Forms.PostAsync(clerk, $"/Households/Edit/{household}", new()
        {
            ["Version"] = (await Portal.ScalarAsync<long>("SELECT xmin::text::bigint FROM households WHERE id = @h", ("h", household))).ToString(),
            ["Input.Number"] = "H-MOVE",
            ["Input.VillageCode"] = other!,
            ["Input.HeadName"] = "搬家人",
            ["Input.HukouType"] = "Agricultural",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        const string villageOn = "SELECT village_code::text FROM person_events WHERE person_id = @p AND date <= @d AND (valid_to IS NULL OR valid_to > @d)";
        Assert.Equal(Given.LongmenVillage, await Portal.ScalarAsync<string>(villageOn, ("p", person), ("d", new DateOnly(2025, 12, 31))));
        Assert.Equal(other, await Portal.ScalarAsync<string>(villageOn, ("p", person), ("d", Given.Today)));
        Assert.Equal(other, await Portal.ScalarAsync<string>("SELECT village_code::text FROM persons WHERE id = @p", ("p", person)));
    }

    [Fact]
    public async Task WomanMovedToAnotherTownship_CountedInEachTownshipForItsDates()
    {
        var (woman, person, _) = await _given.MotherAsync(new DateOnly(1990, 1, 1));
        var household = await _given.HouseholdAsync(Given.Taoyuan, Given.TaoyuanVillage);
        var number = await Portal.ScalarAsync<string>("SELECT number FROM households WHERE id = @h", ("h", household));
        var clerk = await SignInAsync("clerk01");
        await PostAsync(clerk, person, "Transfer", new()
        {
            ["Transfer.TownshipCode"] = Given.Taoyuan,
            ["Transfer.HouseholdNumber"] = number!,
            ["Transfer.Date"] = "2026-03-01",
        });

        // The person and her record now belong to 桃园街道: its clerk reads them, the old township's clerk no longer does.
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/Persons/Details/{person}")).StatusCode);
        var clerk2 = await SignInAsync("clerk02");
        Assert.Equal(HttpStatusCode.OK, (await clerk2.GetAsync($"/Women/Details/{woman}")).StatusCode);
        var county = await SignInAsync("county");
        Assert.Equal("1", await FigureAsync(county, "2025", "married_wcba", Given.Longmen));
        Assert.Equal("0", await FigureAsync(county, "2025", "married_wcba", Given.Taoyuan));
        Assert.Equal("0", await FigureAsync(county, "2026H1", "married_wcba", Given.Longmen));
        Assert.Equal("1", await FigureAsync(county, "2026H1", "married_wcba", Given.Taoyuan));
        Assert.Equal("1", await FigureAsync(county, "2026H1", "population", Given.Taoyuan));
    }

    /// <summary>
    /// A small county (two townships) and then, for every person, random later events dated after the period: moves out and
    /// back, marriages, divorces, residence changes, village and township transfers, deaths. The 2026H1 report (with its
    /// same period last year) of every township and of the county is the same before and after, figure for figure.
    /// </summary>
    [Fact]
    public async Task LaterEvents_NeverChangeAPastPeriodsFigures()
    {
        var seed = Environment.TickCount;
        var rng = new Random(seed);
        var persons = new List<long>();
        foreach (var (township, village) in new[] { (Given.Longmen, Given.LongmenVillage), (Given.Taoyuan, Given.TaoyuanVillage) })
            for (var i = 0; i < 6; i++)
            {
                var (_, woman, _) = await _given.MotherAsync(new DateOnly(1980 + i * 3, 3, 3), township: township, village: village, name: $"妇{township[7]}{i}");
                var household = await _given.HouseholdAsync(township, village);
                persons.Add(woman);
                persons.Add(await _given.PersonAsync(household, $"男{township[7]}{i}", Sex.Male, new DateOnly(1975 + i * 4, 5, 5), relation: Relation.Head));
            }
        var county = await SignInAsync("county");
        async Task<string> ReportAsync() =>
            JsonSerializer.Serialize(JsonDocument.Parse(await county.GetStringAsync("/api/indicators?period=2026H1&township=all")).RootElement
                .EnumerateObject().Where(p => p.Name is "total" or "townships").Select(p => p.Value.ToString()));
        var before = await ReportAsync();

        var later = new DateOnly(2026, 7, 1);
        var otherHousehold = await _given.HouseholdAsync(Given.Taoyuan, Given.TaoyuanVillage);
        foreach (var id in persons)
        {
            var day = later.AddDays(rng.Next(0, 60));
            await _given.Db(async db =>
            {
                var p = (await db.Persons.FindAsync(id))!;
                switch (rng.Next(6))
                {
                    case 0: p.MovedOutOn = day; p.MovedOutTo = "外省"; break;
                    case 1: p.DiedOn = day; break;
                    case 2: db.PersonFacts.Add(PersonHistory.New(p, PersonEventKind.Marital, day, marital: MaritalStatus.Divorced)); break;
                    case 3:
                        var r = PersonHistory.New(p, PersonEventKind.Residence, day);
                        r.Residence = Residence.InMigrant;
                        db.PersonFacts.Add(r);
                        break;
                    case 4:
                        var t = PersonHistory.New(p, PersonEventKind.Transfer, day);
                        (t.TownshipCode, t.VillageCode, t.HouseholdId) = (Given.Taoyuan, Given.TaoyuanVillage, otherHousehold);
                        db.PersonFacts.Add(t);
                        break;
                    default:
                        p.MovedOutOn = day;
                        await db.SaveChangesAsync();
                        p.MovedOutOn = null;
                        p.MovedInOn = day.AddDays(30);
                        break;
                }
                return await db.SaveChangesAsync();
            });
        }
        Assert.True(before == await ReportAsync(), $"seed {seed}: the 2026H1 report changed after later events");
    }
}

/// <summary>The conversion in SQL (migration, bulk loads) gives every row the same history as the C# fold.</summary>
public class HistoryConversionTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly Given _given = new(portal);

    private const string Snapshot = """
        SELECT string_agg(concat_ws('|', p.name, e.kind, e.date, e.present, e.valid_to, e.marital_status, e.residence, e.counts_as_death,
                                    e.village_code, e.place), E'\n' ORDER BY p.name, e.date, e.kind)
        FROM person_events e JOIN persons p ON p.id = e.person_id
        """;

    [Fact]
    public async Task Backfill_OfEveryRowShape_EqualsTheCSharpFold()
    {
        var household = await _given.HouseholdAsync();
        await _given.Db(async db =>
        {
            var h = (await db.Households.FindAsync(household))!;
            Person New(string name, Action<Person> shape)
            {
                var p = new Person
                {
                    Name = name,
                    Sex = Sex.Male,
                    BirthDate = new DateOnly(1980, 1, 1),
                    HouseholdId = h.Id,
                    VillageCode = h.VillageCode,
                    TownshipCode = h.TownshipCode,
                    MaritalStatus = MaritalStatus.FirstMarriage
                };
                shape(p);
                db.Persons.Add(p);
                return p;
            }
            New("平常", _ => { });
            New("迁入", p => p.MovedInOn = new DateOnly(2020, 5, 5));
            New("迁出", p => { p.MovedOutOn = new DateOnly(2021, 6, 6); p.MovedOutTo = "外地"; });
            New("死亡", p => p.DiedOn = new DateOnly(2022, 7, 7));
            New("迁入又迁出", p => { p.MovedInOn = new DateOnly(2019, 1, 1); p.MovedOutOn = new DateOnly(2023, 1, 1); });
            New("迁出后死亡", p => { p.MovedOutOn = new DateOnly(2021, 1, 1); p.DiedOn = new DateOnly(2024, 1, 1); });
            New("同日迁出死亡", p => { p.MovedOutOn = new DateOnly(2021, 1, 1); p.DiedOn = new DateOnly(2021, 1, 1); });
            New("流入", p => p.Residence = Residence.InMigrant);
            var wife = New("已婚妇女", p => { p.Sex = Sex.Female; p.BirthDate = new DateOnly(1990, 2, 2); });
            var divorced = New("离婚妇女", p => { p.Sex = Sex.Female; p.MaritalStatus = MaritalStatus.Divorced; });
            foreach (var p in new[] { wife, divorced })
                db.Women.Add(new Woman
                {
                    PersonId = p.Id,
                    TownshipCode = p.TownshipCode,
                    VillageCode = p.VillageCode,
                    RegisteredOn = new DateOnly(2015, 1, 1),
                    MarriedOn = new DateOnly(2012, 10, 1)
                });
            return await db.SaveChangesAsync();
        });
        var folded = await Portal.ScalarAsync<string>(Snapshot);

        await using (var conn = await Portal.OpenAsync())
        {
            await using var clear = new Npgsql.NpgsqlCommand("DELETE FROM person_events", conn);
            await clear.ExecuteNonQueryAsync();
            await FamilyPlanning.Core.Data.RegisterCopy.PersonHistoriesAsync(conn, CancellationToken.None);
        }
        Assert.Equal(folded, await Portal.ScalarAsync<string>(Snapshot));
        Assert.Contains("已婚妇女|3|2012-10-01", folded);
    }
}
