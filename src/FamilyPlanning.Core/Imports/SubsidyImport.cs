using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace FamilyPlanning.Core.Imports;

/// <summary>
/// 扶助申请: each row becomes an application through <see cref="SubsidyService.ApplyAsync"/> itself — eligibility is worked
/// out from the registers by the same code as the page — inside the import's transaction, one savepoint per row so a
/// refused row is undone and the next is still checked. Applications are few (tens to hundreds a year per township), so
/// going through the service row by row costs little.
/// </summary>
internal static class SubsidyImport
{
    public static async Task ValidateAsync(ImportContext ctx, List<ImportRow> rows, SubsidyService subsidies, CancellationToken ct)
    {
        var persons = await PersonLookup.LoadAsync(ctx, rows.SelectMany(r => new[] { r.Raw("PersonId"), r.Raw("ChildId") }),
            tracked: false, ct);
        var tx = ctx.Db.Database.CurrentTransaction ?? throw new InvalidOperationException("subsidy import needs the import's transaction");
        var seen = new Dictionary<(long, Programme), int>();
        foreach (var r in rows)
        {
            var applicant = persons.Find(r, "PersonId", r.Text("PersonId", 30), r.Text("Name", Person.NameMaxLength), "申请人");
            var programme = r.Choice<Programme>("Programme", SubsidyNames.Of);
            var childText = r.Text("ChildId", 30);
            var child = childText is null ? null : persons.Find(r, "ChildId", childText, null, "独生子女");
            var input = new SubsidyApplication
            {
                PersonId = applicant?.Id,
                Programme = programme,
                ChildId = child?.Id,
                DeclaredBoys = r.Int("DeclaredBoys", 0, 15) ?? 0,
                DeclaredGirls = r.Int("DeclaredGirls", 0, 15) ?? 0,
                AppliedOn = r.Date("AppliedOn"),
                Note = r.Text("Note", Beneficiary.NoteMaxLength),
            };
            if (r.Failed || applicant is null || programme is null) continue;
            if (seen.TryGetValue((applicant.Id, programme.Value), out var first))
            {
                r.Error("Programme", $"与第{first}行重复（同一申请人、同一项目）");
                continue;
            }
            seen[(applicant.Id, programme.Value)] = r.Number;
            if (await ctx.Db.Beneficiaries.AnyAsync(b => b.PersonId == applicant.Id && b.Programme == programme
                    && b.Status != BeneficiaryStatus.Rejected && b.Status != BeneficiaryStatus.Exited, ct))
            {
                ctx.Batch.UnchangedRows++;
                continue;
            }
            await tx.CreateSavepointAsync("subsidy_row", ct);
            try
            {
                await subsidies.ApplyAsync(input, ct);
                await tx.ReleaseSavepointAsync("subsidy_row", ct);
                ctx.Batch.CreatedRows++;
            }
            catch (Exception e) when (e is RuleViolation or NotFoundOrForbidden)
            {
                await tx.RollbackToSavepointAsync("subsidy_row", ct);
                ctx.Db.ChangeTracker.Clear();
                if (e is RuleViolation v) r.Error(v);
                else r.Error("PersonId", "申请人不属于本乡镇，只能导入本乡镇的数据");
            }
        }
    }
}
