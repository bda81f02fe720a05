using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.Imports;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;
using FamilyPlanning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPlanning.Web.Tests.Imports.ImportFiles;

namespace FamilyPlanning.Web.Tests.Imports;

/// <summary>
/// One rule, one place: each register's rules are one object that the page's service and the import both take from the
/// container. Each test swaps it for one with an extra rule, and both the page's service and the import refuse with that
/// rule's words; the same record then goes in with the portal's own rules, so the refusal came from the swapped rule.
/// </summary>
public class RuleSharingTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Refusal = "测试规则：本县暂停此项登记";
    private readonly Given _given = new(portal);

    private sealed class RefusingPersonRules : PersonRules
    {
        public override void ApplyFields(Person p, PersonInput input, DateOnly today) => throw new RuleViolation(nameof(input.Name), Refusal);
        public override void ApplyDeath(Person person, LifeEventInput input, DateOnly today) => throw new RuleViolation(nameof(input.Date), Refusal);
    }

    private sealed class RefusingWomanRules : WomanRules
    {
        public override void CheckNew(Person person, DateOnly? registeredOn) => throw new RuleViolation(nameof(WomanInput.RegisteredOn), Refusal);
    }

    private sealed class RefusingBirthRules : BirthRules
    {
        public override IEnumerable<RuleViolation?> Delivery(Person mother, DateOnly date, DateOnly? reported, DateOnly today) =>
            base.Delivery(mother, date, reported, today).Prepend(new RuleViolation(nameof(RegisterBirth.BirthDate), Refusal));
    }

    private sealed class RefusingContraceptionRules : ContraceptionRules
    {
        public override IEnumerable<RuleViolation?> Date(Person woman, DateOnly date, DateOnly today) =>
            [new RuleViolation(nameof(RecordContraception.Date), Refusal)];
    }

    private sealed class RefusingSubsidyRules : SubsidyRules
    {
        public override List<string> Reasons(Programme programme, FamilyFacts family, ChildFact? child, DateOnly on, int maxChildAge) => [Refusal];
    }

    private static readonly DateOnly Day = Given.Today.AddDays(-10);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public Task Persons_PageAndImport_AnswerWithTheSameRule() => SameAnswerAsync<PersonRules>(new RefusingPersonRules(),
        async () =>
        {
            var household = await _given.HouseholdAsync();
            return sp => sp.GetRequiredService<PersonService>().CreateAsync(household, new PersonInput
            {
                Name = "新成员",
                Sex = Sex.Male,
                BirthDate = new DateOnly(1990, 1, 1),
                Relation = Relation.Son,
                MaritalStatus = MaritalStatus.Unmarried,
                Residence = Residence.Resident,
            }, CancellationToken.None);
        },
        ImportTemplates.Persons, new()
        {
            ["Number"] = "RS-0001",
            ["VillageCode"] = Given.LongmenVillage,
            ["HeadName"] = "王建国",
            ["HukouType"] = "农业",
            ["Name"] = "王建国",
            ["Sex"] = "男",
            ["BirthDate"] = "1968-03-02",
            ["Relation"] = "户主",
            ["MaritalStatus"] = "初婚",
        });

    [Fact]
    public async Task LifeEvents_PageAndImport_AnswerWithTheSameRule()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "李老汉", Sex.Male, new DateOnly(1940, 1, 1), relation: Relation.Head);
        var id = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}"))!;
        await SameAnswerAsync<PersonRules>(new RefusingPersonRules(),
            async () =>
            {
                var version = (uint)await Portal.ScalarAsync<long>($"SELECT xmin::text::bigint FROM persons WHERE id = {person}");
                return sp => sp.GetRequiredService<PersonService>().RecordDeathAsync(person, version, new LifeEventInput { Date = Day },
                    CancellationToken.None);
            },
            ImportTemplates.LifeEvents, new() { ["IdNumber"] = id, ["Name"] = "李老汉", ["Event"] = "死亡", ["Date"] = D(Day) });
    }

    [Fact]
    public async Task Women_PageAndImport_AnswerWithTheSameRule()
    {
        var household = await _given.HouseholdAsync();
        var person = await _given.PersonAsync(household, "赵丽", Sex.Female, new DateOnly(1992, 3, 15));
        var id = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}"))!;
        var input = new WomanInput { MarriedOn = new DateOnly(2014, 10, 1), RegisteredOn = new DateOnly(2015, 1, 10) };
        await SameAnswerAsync<WomanRules>(new RefusingWomanRules(),
            () => Task.FromResult<Func<IServiceProvider, Task>>(sp =>
                sp.GetRequiredService<WomanService>().CreateAsync(person, input, CancellationToken.None)),
            ImportTemplates.Women, new()
            {
                ["IdNumber"] = id,
                ["Name"] = "赵丽",
                ["MarriedOn"] = "2014-10-01",
                ["RegisteredOn"] = "2015-01-10",
            });
    }

    [Fact]
    public async Task Births_PageAndImport_AnswerWithTheSameRule()
    {
        var (woman, person, _) = await _given.MotherAsync(new DateOnly(1994, 4, 4));
        var id = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}"))!;
        await SameAnswerAsync<BirthRules>(new RefusingBirthRules(),
            () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<BirthService>().RegisterAsync(new RegisterBirth
            {
                MotherId = woman,
                BirthDate = Day,
                ReportedOn = Day,
                Place = "县医院",
                Children = [new ChildInput { Name = "小明", Sex = Sex.Male }],
            }, CancellationToken.None)),
            ImportTemplates.Births, new()
            {
                ["MotherId"] = id,
                ["Name"] = "小明",
                ["Sex"] = "男",
                ["BirthDate"] = D(Day),
                ["ReportedOn"] = D(Day),
            });
    }

    [Fact]
    public async Task Contraception_PageAndImport_AnswerWithTheSameRule()
    {
        var (woman, person, _) = await _given.MotherAsync(new DateOnly(1994, 4, 4));
        var id = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {person}"))!;
        await SameAnswerAsync<ContraceptionRules>(new RefusingContraceptionRules(),
            () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<ContraceptionService>().RecordAsync(
                new RecordContraception { WomanId = woman, Type = ContraceptiveType.IudInsertion, Date = Day, Institution = Institution.TownshipClinic },
                CancellationToken.None)),
            ImportTemplates.Contraception, new()
            {
                ["WomanId"] = id,
                ["Name"] = "李秀英",
                ["Type"] = "放环",
                ["Date"] = D(Day),
                ["Institution"] = "乡服务所",
            });
    }

    [Fact]
    public async Task Subsidies_PageAndImport_AnswerWithTheSameRule()
    {
        var (husband, _, _) = await _given.CoupleAsync(new DateOnly(1958, 3, 1), children: Sex.Male);
        var id = (await Portal.ScalarAsync<string>($"SELECT id_number FROM persons WHERE id = {husband}"))!;
        await SameAnswerAsync<SubsidyRules>(new RefusingSubsidyRules(),
            () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<SubsidyService>().ApplyAsync(new SubsidyApplication
            {
                PersonId = husband,
                Programme = Programme.RewardSupport,
                DeclaredBoys = 1,
                AppliedOn = Day,
            }, CancellationToken.None)),
            ImportTemplates.SubsidyApplications, new()
            {
                ["PersonId"] = id,
                ["Name"] = "赵大爷",
                ["Programme"] = "奖扶",
                ["DeclaredBoys"] = "1",
                ["AppliedOn"] = D(Day),
            });
    }

    /// <summary>With <paramref name="rules"/> in the container, the page's service call throws the refusal and the import's
    /// report names it; with the portal's own rules the same row imports.</summary>
    private async Task SameAnswerAsync<TRules>(TRules rules, Func<Task<Func<IServiceProvider, Task>>> arrangePage, Template template,
        Dictionary<string, string> row) where TRules : class
    {
        var page = await arrangePage();
        await using var swapped = Portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(rules)));

        var refused = await AsClerkAsync(swapped.Services, sp => Assert.ThrowsAsync<RuleViolation>(() => page(sp)));
        Assert.Contains(Refusal, refused.Message);

        var file = Utf8Bom(CsvText(template, [template.Columns.Select(c => row.GetValueOrDefault(c.Property, "")).ToArray()]));
        var imported = await AsClerkAsync(swapped.Services, sp =>
            sp.GetRequiredService<ImportService>().ImportAsync(template.Kind, "rules.csv", file, null, CancellationToken.None));
        Assert.False(imported.Succeeded);
        Assert.Contains(imported.Problems, p => p.Row == 2 && p.Message.Contains(Refusal));

        var own = await AsClerkAsync(Portal.Services, sp =>
            sp.GetRequiredService<ImportService>().ImportAsync(template.Kind, "rules.csv", file, null, CancellationToken.None));
        Assert.True(own.Succeeded, string.Join("；", own.Problems.Select(p => $"{p.Column}：{p.Message}")));
        Assert.Equal(1, own.Created + own.Updated);
    }

    private static async Task<T> AsClerkAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = services.CreateScope();
        using var _ = ActingUser.As(ActingUser.ClerkOf(Given.Longmen));
        return await work(scope.ServiceProvider);
    }
}
