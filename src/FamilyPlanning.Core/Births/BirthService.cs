using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Births;

/// <summary>出生登记: registers a delivery (one child, or twins), makes each child a Person of the mother's household in the
/// same transaction, and keeps every birth of the mother numbered (parity) and judged (policy) from the rule table.
/// Its rules live in <see cref="BirthRules"/>, which the import shares.</summary>
public sealed class BirthService(AppDbContext db, ICurrentUser current, TimeProvider clock, PersonService persons, BirthRules rules)
{
    private const string CertificateIndex = "ix_births_certificate_number";

    public Task<Paged<BirthRow>> SearchAsync(BirthFilter f, CancellationToken ct, int pageSize = Paging.PageSize)
    {
        var q = current.Scope.Readable(db.Births.AsNoTracking(), b => b.TownshipCode);
        if (!string.IsNullOrWhiteSpace(f.VillageCode)) q = q.Where(b => b.VillageCode == f.VillageCode);
        if (f.From is { } from) q = q.Where(b => b.BirthDate >= from);
        if (f.To is { } to) q = q.Where(b => b.BirthDate <= to);
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var text = f.Query.Trim();
            var id = IdNumber.Normalize(text);
            q = q.Where(b => b.Child!.Name.Contains(text) || b.Mother!.Person!.Name.Contains(text)
                || b.Mother.Person.IdNumber == id || b.CertificateNumber == text);
        }
        return q.OrderByDescending(b => b.BirthDate).ThenBy(b => b.Parity)
            .Select(b => new BirthRow(b.Id, b.Child!.Name, b.Sex, b.BirthDate, b.Mother!.Person!.Name, b.Mother.Person.IdNumber,
                b.Child.Household!.Village!.Name, b.Parity, b.PolicyStatus, b.PolicyOverridden, b.ReportedOn))
            .PageAsync(f.Page, ct, pageSize);
    }

    public async Task<Birth> GetAsync(long id, CancellationToken ct) =>
        await current.Scope.Readable(db.Births.AsNoTracking(), b => b.TownshipCode)
            .Include(b => b.Child).ThenInclude(c => c!.Household).ThenInclude(h => h!.Village)
            .Include(b => b.Mother).ThenInclude(m => m!.Person)
            .Include(b => b.Father)
            .FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundOrForbidden("出生登记");

    public Task<List<Birth>> OfMotherAsync(long womanId, CancellationToken ct) =>
        current.Scope.Readable(db.Births.AsNoTracking(), b => b.TownshipCode).Include(b => b.Child)
            .Where(b => b.MotherId == womanId).OrderBy(b => b.BirthDate).ThenBy(b => b.Parity).ToListAsync(ct);

    public async Task<BirthResult> RegisterAsync(RegisterBirth input, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var mother = await db.Women.Include(w => w.Person).FirstOrDefaultAsync(w => w.Id == input.MotherId, ct);
        if (mother is null || !current.Scope.CanWrite(mother.TownshipCode))
            throw new RuleViolation(nameof(input.MotherId), "请在本乡镇的育龄妇女中选择母亲");
        var date = input.BirthDate ?? throw new RuleViolation(nameof(input.BirthDate), "请填写出生日期");
        var reported = input.ReportedOn ?? throw new RuleViolation(nameof(input.ReportedOn), "请填写报告日期");
        var m = mother.Person!;
        Rules.ThrowFirst(rules.Delivery(m, date, reported, today));
        var window = BirthRules.MinDaysBetweenDeliveries;
        var near = await db.Births.Where(b => b.MotherId == mother.Id && b.BirthDate > date.AddDays(-window) && b.BirthDate < date.AddDays(window))
            .Select(b => b.BirthDate).ToListAsync(ct);
        Rules.ThrowFirst([rules.Spacing(m.Name, date, near)]);

        var children = input.Children.Where(c => !IsBlank(c)).ToList();
        if (children.Count == 0) throw new RuleViolation(null, "请至少填写一个婴儿（姓名和性别）");
        Rules.ThrowFirst([rules.DeliverySize(children.Count)]);
        var (fatherNumber, father) = await FindFatherAsync(input.FatherIdNumber, ct);
        var household = await db.Households.FirstAsync(h => h.Id == m.HouseholdId, ct);

        var delivery = Guid.NewGuid();
        var births = new List<Birth>();
        var certificates = new HashSet<string>();
        for (var i = 0; i < children.Count; i++)
        {
            var c = children[i];
            var field = $"Children[{i}]";
            var name = Rules.Required(c.Name, $"{field}.Name", $"第{i + 1}个婴儿的姓名");
            var sex = c.Sex ?? throw new RuleViolation($"{field}.Sex", $"请选择第{i + 1}个婴儿的性别");
            var certificate = Rules.Optional(c.CertificateNumber);
            if (certificate is not null && !certificates.Add(certificate))
                throw new RuleViolation($"{field}.CertificateNumber", $"出生医学证明编号 {certificate} 重复");
            var child = new Person
            {
                Name = name,
                Sex = sex,
                BirthDate = date,
                HouseholdId = household.Id,
                VillageCode = household.VillageCode,
                TownshipCode = household.TownshipCode,
                Relation = BirthRules.ChildRelation(m.Relation, sex),
                Residence = BirthRules.ChildResidence(m.Residence),
            };
            child.IdNumber = await persons.CheckIdNumberAsync(c.IdNumber, date, sex, 0, $"{field}.IdNumber", ct);
            db.Persons.Add(child);
            var birth = new Birth
            {
                Child = child,
                MotherId = mother.Id,
                FatherId = father?.Id,
                FatherIdNumber = father is null ? fatherNumber : null,
                TownshipCode = household.TownshipCode,
                VillageCode = household.VillageCode,
                Sex = sex,
                BirthDate = date,
                Place = input.Place?.Trim() ?? "",
                CertificateNumber = certificate,
                DeliveryId = delivery,
                PermitNumber = Rules.Optional(input.PermitNumber),
                ReportedOn = reported,
            };
            db.Births.Add(birth);
            births.Add(birth);
        }

        await RenumberAsync(mother, ct);
        await SaveAsync(ct);

        var warnings = new List<string>();
        var age = m.AgeOn(date);
        if (age < 15 || age >= 50) warnings.Add($"母亲生育时{age}岁，不在15–49岁之间，请核实出生日期和母亲信息");
        // Births are often registered together with the mother's record: allowed, but such a child must not also be counted
        // among the children she had before the record, or every later parity is one too high.
        if (date < mother.RegisteredOn && mother.ChildrenBefore > 0)
            warnings.Add($"出生日期早于母亲的建档日期（{mother.RegisteredOn:yyyy-MM-dd}），请确认该孩子未计入建档前现有子女数，否则孩次会重复计算");
        return new BirthResult(delivery, births.Select(b => b.Id).ToList(), warnings);
    }

    public async Task UpdateAsync(long id, uint version, BirthEdit input, CancellationToken ct)
    {
        var birth = await WritableAsync(id, ct);
        db.ExpectVersion(birth, version);
        var reported = input.ReportedOn ?? throw new RuleViolation(nameof(input.ReportedOn), "请填写报告日期");
        Rules.ThrowFirst(rules.Report(birth.BirthDate, reported, ChinaTime.Today(clock)));
        birth.Place = input.Place?.Trim() ?? "";
        birth.CertificateNumber = Rules.Optional(input.CertificateNumber);
        birth.ReportedOn = reported;
        // The permit belongs to the delivery: every child of it gets the same one, then the policy is judged again.
        var permit = Rules.Optional(input.PermitNumber);
        var mother = await db.Women.FirstAsync(w => w.Id == birth.MotherId, ct);
        var delivery = await db.Births.Where(b => b.DeliveryId == birth.DeliveryId).ToListAsync(ct);
        foreach (var b in delivery) b.PermitNumber = permit;
        await RenumberAsync(mother, ct);
        await SaveAsync(ct);
    }

    /// <summary>A clerk overrides the rule table's decision for the whole delivery, with a written reason (audited).</summary>
    public async Task OverridePolicyAsync(long id, PolicyOverride input, CancellationToken ct)
    {
        var birth = await WritableAsync(id, ct);
        var status = input.Status ?? throw new RuleViolation(nameof(input.Status), "请选择政策属性");
        var reason = Rules.Required(input.Reason, nameof(input.Reason), "调整理由");
        foreach (var b in await db.Births.Where(b => b.DeliveryId == birth.DeliveryId).ToListAsync(ct))
        {
            b.PolicyStatus = status;
            b.PolicyOverridden = true;
            b.PolicyReason = "人工调整：" + reason;
        }
        await SaveAsync(ct);
    }

    public async Task ClearOverrideAsync(long id, CancellationToken ct)
    {
        var birth = await WritableAsync(id, ct);
        foreach (var b in await db.Births.Where(b => b.DeliveryId == birth.DeliveryId).ToListAsync(ct)) b.PolicyOverridden = false;
        await RenumberAsync(await db.Women.FirstAsync(w => w.Id == birth.MotherId, ct), ct);
        await SaveAsync(ct);
    }

    /// <summary>Deletes a birth registered in error, and the child's person record made with it.</summary>
    public async Task DeleteAsync(long id, uint version, CancellationToken ct)
    {
        var birth = await WritableAsync(id, ct);
        db.ExpectVersion(birth, version);
        var child = await db.Persons.FirstAsync(p => p.Id == birth.ChildId, ct);
        if (await db.Women.AnyAsync(w => w.PersonId == child.Id, ct) || await db.Births.AnyAsync(b => b.FatherId == child.Id, ct))
            throw new RuleViolation(null, $"{child.Name}已有其他登记引用，不能删除");
        db.Births.Remove(birth);
        db.Persons.Remove(child);
        await RenumberAsync(await db.Women.FirstAsync(w => w.Id == birth.MotherId, ct), ct);
        await SaveAsync(ct);
    }

    /// <summary>Parity and policy of every birth of the mother, as <see cref="BirthRules.Renumber"/> says.</summary>
    private async Task RenumberAsync(Woman mother, CancellationToken ct)
    {
        var policy = await db.PolicyRules.AsNoTracking().ToListAsync(ct);
        await db.Births.Where(b => b.MotherId == mother.Id).LoadAsync(ct);
        rules.Renumber(mother, db.Births.Local.Where(b => b.MotherId == mother.Id && db.Entry(b).State != EntityState.Deleted), policy);
    }

    /// <summary>The father's number as given, and the man registered in the county with it if there is one (any township:
    /// fathers often live in another one). An unknown number is kept as given, so the answer is the same either way.</summary>
    private async Task<(string? Number, Person? Father)> FindFatherAsync(string? idNumber, CancellationToken ct)
    {
        var (number, error) = rules.FatherNumber(idNumber);
        if (error is not null) throw error;
        if (number is null) return (null, null);
        return (number, await db.Persons.FirstOrDefaultAsync(p => p.IdNumber == number && p.Sex == Sex.Male, ct));
    }

    /// <summary>The father as this user may see him: his name within the townships the user reads, 「本县其他乡镇人员」 for a
    /// man of another township, and a number no registered man has, masked.</summary>
    public string FatherShown(Birth b) =>
        b.Father is { } f ? (current.Scope.CanRead(f.TownshipCode) ? f.Name : "本县其他乡镇人员")
        : b.FatherIdNumber is { } n ? $"未在本县登记（{IdNumber.Mask(n)}）"
        : "";

    /// <summary>A birth this user may change (its township's clerk); anyone else gets "not found".</summary>
    public async Task<Birth> WritableAsync(long id, CancellationToken ct)
    {
        var birth = await current.Scope.Readable(db.Births, b => b.TownshipCode).FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new NotFoundOrForbidden("出生登记");
        if (!current.Scope.CanWrite(birth.TownshipCode)) throw new NotFoundOrForbidden("出生登记");
        return birth;
    }

    private static bool IsBlank(ChildInput c) =>
        string.IsNullOrWhiteSpace(c.Name) && c.Sex is null && string.IsNullOrWhiteSpace(c.CertificateNumber) && string.IsNullOrWhiteSpace(c.IdNumber);

    private Task SaveAsync(CancellationToken ct) =>
        db.SaveOrExplainAsync(ct,
            (CertificateIndex, "CertificateNumber", "出生医学证明编号已被其他出生登记使用"),
            (PersonService.IdNumberIndex, "IdNumber", "婴儿的公民身份号码已被登记"));
}
