using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>Arranges register rows directly through the DbContext (as the system), so tests act and assert through HTTP.</summary>
public sealed class Given(PortalFactory portal)
{
    public const string Longmen = "371426001000";      // clerk01
    public const string LongmenVillage = "371426001001";
    public const string Taoyuan = "371426002000";      // clerk02
    public const string TaoyuanVillage = "371426002001";

    private int _seq;

    /// <summary>Today in China on the test clock (the portal under test says the same).</summary>
    public static DateOnly Today => FamilyPlanning.Tests.Shared.TestClock.Today;

    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = portal.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<long> HouseholdAsync(string township = Longmen, string village = LongmenVillage, HukouType hukou = HukouType.Agricultural) =>
        Db(async db =>
        {
            var h = new Household
            {
                Number = $"H{township[6..9]}{++_seq:D4}",
                VillageCode = village,
                TownshipCode = township,
                HeadName = "户主",
                HukouType = hukou,
                Address = "测试地址",
            };
            db.Households.Add(h);
            await db.SaveChangesAsync();
            return h.Id;
        });

    public Task<long> PersonAsync(long householdId, string name, Sex sex, DateOnly birth, bool withId = true,
        Relation relation = Relation.Spouse, MaritalStatus marital = MaritalStatus.FirstMarriage) =>
        Db(async db =>
        {
            var h = await db.Households.FindAsync(householdId);
            var p = new Person
            {
                Name = name,
                Sex = sex,
                BirthDate = birth,
                HouseholdId = householdId,
                VillageCode = h!.VillageCode,
                TownshipCode = h.TownshipCode,
                Relation = relation,
                MaritalStatus = marital,
                IdNumber = withId ? IdNumber.Make("371426", birth, (++_seq * 2 + (sex == Sex.Male ? 1 : 0)) % 1000) : null,
            };
            db.Persons.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    public Task<long> WomanAsync(long personId, DateOnly registeredOn, int boys = 0, int girls = 0) =>
        Db(async db =>
        {
            var p = await db.Persons.FindAsync(personId);
            var w = new Woman
            {
                PersonId = personId,
                TownshipCode = p!.TownshipCode,
                VillageCode = p.VillageCode,
                RegisteredOn = registeredOn,
                MarriedOn = registeredOn,
                BoysBefore = boys,
                GirlsBefore = girls,
            };
            db.Women.Add(w);
            await db.SaveChangesAsync();
            return w.Id;
        });

    /// <summary>A married woman born on <paramref name="birth"/> in a new household, registered on 2015-01-01.</summary>
    public async Task<(long woman, long person, long household)> MotherAsync(DateOnly birth, int boys = 0, int girls = 0,
        string township = Longmen, string village = LongmenVillage, string name = "李秀英", DateOnly? registeredOn = null)
    {
        var household = await HouseholdAsync(township, village);
        var person = await PersonAsync(household, name, Sex.Female, birth);
        var woman = await WomanAsync(person, registeredOn ?? new DateOnly(2015, 1, 1), boys, girls);
        return (woman, person, household);
    }

    /// <summary>A rural couple (husband born <paramref name="husbandBirth"/>) with the given children living at home.</summary>
    public async Task<(long husband, long wife, long household)> CoupleAsync(DateOnly husbandBirth, string township = Longmen,
        string village = LongmenVillage, HukouType hukou = HukouType.Agricultural, params Sex[] children)
    {
        var household = await HouseholdAsync(township, village, hukou);
        var husband = await PersonAsync(household, "赵大爷", Sex.Male, husbandBirth, relation: Relation.Head);
        var wife = await PersonAsync(household, "钱大娘", Sex.Female, husbandBirth.AddYears(2), relation: Relation.Spouse);
        foreach (var sex in children)
            await PersonAsync(household, sex == Sex.Male ? "赵儿" : "赵女", sex, husbandBirth.AddYears(28),
                relation: sex == Sex.Male ? Relation.Son : Relation.Daughter, marital: MaritalStatus.Unmarried);
        return (husband, wife, household);
    }

    /// <summary>An approved 奖扶 beneficiary, paid from <paramref name="firstMonth"/>.</summary>
    public Task<long> ApprovedAsync(long personId, DateOnly firstMonth, FamilyPlanning.Core.Subsidies.Programme programme =
        FamilyPlanning.Core.Subsidies.Programme.RewardSupport) =>
        Db(async db =>
        {
            var p = await db.Persons.FindAsync(personId);
            var b = new FamilyPlanning.Core.Subsidies.Beneficiary
            {
                PersonId = personId,
                Programme = programme,
                TownshipCode = p!.TownshipCode,
                VillageCode = p.VillageCode,
                Status = FamilyPlanning.Core.Subsidies.BeneficiaryStatus.Approved,
                AppliedOn = firstMonth.AddMonths(-3),
                ApprovedOn = firstMonth.AddDays(-10),
                FirstMonth = firstMonth,
            };
            db.Beneficiaries.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
}
