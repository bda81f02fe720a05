using FamilyPlanning.Core.Audit;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Data;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Subsidies;

/// <summary>The beneficiary register: application, 村公示, 乡审核 (the township's clerk), 县审批 (county staff only), 退回 and 退出.
/// Eligibility is checked against the registers at application and again at each review step.</summary>
public sealed class SubsidyService(AppDbContext db, ICurrentUser current, TimeProvider clock, FamilyFactsQuery facts, SubsidyRules rules)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public Task<Paged<BeneficiaryRow>> SearchAsync(SubsidyFilter f, CancellationToken ct, int pageSize = Paging.PageSize)
    {
        var q = current.Scope.Readable(db.Beneficiaries.AsNoTracking(), b => b.TownshipCode);
        if (f.Programme is { } p) q = q.Where(b => b.Programme == p);
        if (f.Status is { } s) q = q.Where(b => b.Status == s);
        if (!string.IsNullOrWhiteSpace(f.VillageCode)) q = q.Where(b => b.VillageCode == f.VillageCode);
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var text = f.Query.Trim();
            var id = IdNumber.Normalize(text);
            q = q.Where(b => b.Person!.Name.Contains(text) || b.Person.IdNumber == id);
        }
        return q.OrderBy(b => b.VillageCode).ThenBy(b => b.Programme).ThenBy(b => b.Id)
            .Select(b => new BeneficiaryRow(b.Id, b.Person!.Name, b.Person.IdNumber, b.Person.Household!.Village!.Name, b.Programme,
                b.Category, b.Status, b.AppliedOn, b.ApprovedOn))
            .PageAsync(f.Page, ct, pageSize);
    }

    public async Task<Beneficiary> GetAsync(long id, CancellationToken ct) =>
        await current.Scope.Readable(db.Beneficiaries.AsNoTracking(), b => b.TownshipCode)
            .Include(b => b.Person).ThenInclude(p => p!.Household).ThenInclude(h => h!.Village)
            .Include(b => b.Child).Include(b => b.Steps.OrderBy(s => s.At))
            .FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundOrForbidden("扶助对象");

    /// <summary>The family facts for the apply form (children to choose from) and for the eligibility reasons.</summary>
    public async Task<FamilyFacts> FactsAsync(long personId, int declaredBoys, int declaredGirls, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null || !current.Scope.CanWrite(person.TownshipCode)) throw new NotFoundOrForbidden("人员");
        return await facts.ForAsync(personId, declaredBoys, declaredGirls, ct);
    }

    public async Task<long> ApplyAsync(SubsidyApplication input, CancellationToken ct)
    {
        var programme = input.Programme ?? throw new RuleViolation(nameof(input.Programme), "请选择项目");
        var applied = input.AppliedOn ?? throw new RuleViolation(nameof(input.AppliedOn), "请填写申请日期");
        Rules.NotInFuture(applied, Today, nameof(input.AppliedOn), "申请日期");
        var family = await FactsAsync(input.PersonId ?? 0, input.DeclaredBoys, input.DeclaredGirls, ct);
        var child = input.ChildId is { } cid ? family.Children.FirstOrDefault(c => c.PersonId == cid) : null;
        if (input.ChildId is not null && child is null) throw new RuleViolation(nameof(input.ChildId), "所选子女不是该家庭的子女");
        if (await db.Beneficiaries.AnyAsync(b => b.PersonId == family.Applicant.Id && b.Programme == programme
                && b.Status != BeneficiaryStatus.Rejected && b.Status != BeneficiaryStatus.Exited, ct))
            throw new RuleViolation(nameof(input.Programme), $"{family.Applicant.Name}已有{SubsidyNames.Of(programme)}申请或正在享受");
        CheckEligible(programme, family, child, applied, await MaxChildAgeAsync(ct));

        var b = new Beneficiary
        {
            PersonId = family.Applicant.Id,
            ChildId = child?.PersonId,
            Programme = programme,
            Category = Eligibility.CategoryFor(programme, family.Hukou, child),
            TownshipCode = family.Applicant.TownshipCode,
            VillageCode = family.Applicant.VillageCode,
            Status = BeneficiaryStatus.Applied,
            AppliedOn = applied,
            DeclaredBoys = input.DeclaredBoys,
            DeclaredGirls = input.DeclaredGirls,
            Note = input.Note?.Trim() ?? "",
        };
        AddStep(b, BeneficiaryStatus.Applied, input.Note);
        db.Beneficiaries.Add(b);
        await db.SaveOrExplainAsync(ct);
        return b.Id;
    }

    /// <summary>Moves an application one step on: 申请 → 村公示 → 乡审核 (clerk of the township) → 县审批 (county staff).</summary>
    public async Task AdvanceAsync(long id, StepInput input, CancellationToken ct)
    {
        var b = await TrackedAsync(id, ct);
        var next = b.Status switch
        {
            BeneficiaryStatus.Applied => BeneficiaryStatus.Publicized,
            BeneficiaryStatus.Publicized => BeneficiaryStatus.TownshipReviewed,
            BeneficiaryStatus.TownshipReviewed => BeneficiaryStatus.Approved,
            _ => throw new RuleViolation(null, $"当前状态为{SubsidyNames.Of(b.Status)}，不能再审核"),
        };
        if (next == BeneficiaryStatus.Approved)
        {
            if (!current.Scope.Roles.Contains(Roles.CountyStaff)) throw new RuleViolation(null, "县审批只能由县级工作人员办理");
        }
        else if (!current.Scope.CanWrite(b.TownshipCode)) throw new NotFoundOrForbidden("扶助对象");
        if (next is BeneficiaryStatus.TownshipReviewed or BeneficiaryStatus.Approved)
            await RecheckAsync(b, Today, ct);
        b.Status = next;
        if (next == BeneficiaryStatus.Approved)
        {
            b.ApprovedOn = Today;
            b.FirstMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
        }
        AddStep(b, next, input.Note);
        await db.SaveOrExplainAsync(ct);
    }

    /// <summary>退回: an application not yet approved goes back, with the reason.</summary>
    public async Task RejectAsync(long id, StepInput input, CancellationToken ct)
    {
        var b = await TrackedAsync(id, ct);
        var reason = Rules.Required(input.Note, nameof(input.Note), "退回理由");
        if (b.Status is BeneficiaryStatus.Approved or BeneficiaryStatus.Rejected or BeneficiaryStatus.Exited)
            throw new RuleViolation(null, $"当前状态为{SubsidyNames.Of(b.Status)}，不能退回");
        var county = current.Scope.Roles.Contains(Roles.CountyStaff);
        if (b.Status == BeneficiaryStatus.TownshipReviewed ? !county : !current.Scope.CanWrite(b.TownshipCode))
            throw new RuleViolation(null, b.Status == BeneficiaryStatus.TownshipReviewed ? "乡已审核的申请只能由县级退回" : "只能退回本乡镇的申请");
        b.Status = BeneficiaryStatus.Rejected;
        AddStep(b, BeneficiaryStatus.Rejected, reason);
        await db.SaveOrExplainAsync(ct);
    }

    /// <summary>退出: payments stop from the first month starting on or after the exit date.</summary>
    public async Task ExitAsync(long id, ExitInput input, CancellationToken ct)
    {
        var b = await TrackedAsync(id, ct);
        if (!current.Scope.CanWrite(b.TownshipCode) && !current.Scope.Roles.Contains(Roles.CountyStaff))
            throw new NotFoundOrForbidden("扶助对象");
        Exit(b, input);
        await db.SaveOrExplainAsync(ct);
    }

    internal void Exit(Beneficiary b, ExitInput input)
    {
        if (b.Status != BeneficiaryStatus.Approved) throw new RuleViolation(null, "只有享受中的对象才能退出");
        b.ExitReason = input.Reason ?? throw new RuleViolation(nameof(input.Reason), "请选择退出原因");
        var date = input.Date ?? throw new RuleViolation(nameof(input.Date), "请填写退出日期");
        Rules.NotInFuture(date, Today, nameof(input.Date), "退出日期");
        if (b.ApprovedOn is { } approved) Rules.NotBefore(date, approved, nameof(input.Date), "退出日期", "审批日期");
        b.Status = BeneficiaryStatus.Exited;
        b.ExitedOn = date;
        AddStep(b, BeneficiaryStatus.Exited, $"{SubsidyNames.Of(b.ExitReason.Value)}{(string.IsNullOrWhiteSpace(input.Note) ? "" : "：" + input.Note.Trim())}");
    }

    public async Task<List<string>> ReasonsNotEligibleAsync(Beneficiary b, DateOnly on, CancellationToken ct) =>
        rules.ReasonsNotEligible(b, await facts.ForAsync(b.PersonId, b.DeclaredBoys, b.DeclaredGirls, ct), on, await MaxChildAgeAsync(ct));

    private async Task RecheckAsync(Beneficiary b, DateOnly on, CancellationToken ct)
    {
        var reasons = await ReasonsNotEligibleAsync(b, on, ct);
        if (reasons.Count > 0) throw new RuleViolation(null, "不符合条件：" + string.Join("；", reasons));
    }

    private void CheckEligible(Programme p, FamilyFacts f, ChildFact? child, DateOnly on, int maxChildAge)
    {
        var reasons = rules.Reasons(p, f, child, on, maxChildAge);
        if (reasons.Count > 0) throw new RuleViolation(null, $"不符合{SubsidyNames.Of(p)}条件：" + string.Join("；", reasons));
    }

    public async Task<int> MaxChildAgeAsync(CancellationToken ct)
    {
        var rates = await db.SubsidyRates.AsNoTracking().Where(r => r.Programme == Programme.OneChildReward).ToListAsync(ct);
        var county = await db.Counties.OrderBy(c => c.Code).Select(c => c.Code).FirstOrDefaultAsync(ct) ?? "";
        return SubsidyRate.InForce(rates, Programme.OneChildReward, SubsidyCategory.Standard, county, Today)?.MaxChildAge ?? 18;
    }

    private async Task<Beneficiary> TrackedAsync(long id, CancellationToken ct) =>
        await current.Scope.Readable(db.Beneficiaries, b => b.TownshipCode).FirstOrDefaultAsync(b => b.Id == id, ct)
        ?? throw new NotFoundOrForbidden("扶助对象");

    private void AddStep(Beneficiary b, BeneficiaryStatus status, string? note) =>
        b.Steps.Add(new BeneficiaryStep
        {
            Status = status,
            At = clock.GetUtcNow(),
            UserName = current.Scope.UserName,
            Note = note?.Trim() ?? "",
        });
}
