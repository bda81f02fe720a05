using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Common;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;
using FamilyPlanning.Core.Subsidies;

namespace FamilyPlanning.Core.Exports;

/// <summary>
/// The register lists as downloadable tables, with the columns the list pages show. ID numbers are written in full only
/// when <c>fullIds</c> is set (a clerk exporting her own township); everyone else gets them masked, as on the pages.
/// </summary>
public static class RegisterTables
{
    private static string Id(string? number, bool full) => full ? number ?? "" : IdNumber.Mask(number);

    public static Table Households(Paged<HouseholdRow> page) => Limited("户籍登记", ["户编号", "村（居）", "户主", "户口性质", "人数"], page,
        h => [h.Number, h.VillageName, h.HeadName, PersonNames.Of(h.HukouType), h.Members]);

    public static Table Persons(Paged<PersonRow> page, bool fullIds) => Limited("人口登记",
        ["姓名", "性别", "出生日期", "公民身份号码", "户编号", "村（居）", "与户主关系", "婚姻状况", "状态"], page,
        p => [p.Name, SexNames.Of(p.Sex), p.BirthDate, Id(p.IdNumber, fullIds), p.HouseholdNumber, p.VillageName, PersonNames.Of(p.Relation),
            PersonNames.Of(p.MaritalStatus), p.DiedOn is not null ? "死亡" : p.MovedOutOn is not null ? "迁出" : "在册"]);

    public static Table Women(Paged<WomanRow> page, DateOnly today, bool fullIds) => Limited("育龄妇女",
        ["姓名", "公民身份号码", "年龄", "村（居）", "婚姻状况", "现有男孩", "现有女孩", "避孕方法", "免于节育", "状态"], page,
        w => [w.Name, Id(w.IdNumber, fullIds), w.AgeOn(today), w.VillageName, PersonNames.Of(w.MaritalStatus), w.Boys, w.Girls,
            Methods.Of(w.Method), w.Exemption is { } e ? PersonNames.Of(e) : "", w.StatusOn(today)]);

    public static Table Births(Paged<BirthRow> page, bool fullIds) => Limited("出生登记",
        ["婴儿", "性别", "出生日期", "母亲", "母亲公民身份号码", "村（居）", "孩次", "政策属性", "报告日期"], page,
        b => [b.ChildName, SexNames.Of(b.Sex), b.BirthDate, b.MotherName, Id(b.MotherIdNumber, fullIds), b.VillageName, b.Parity,
            PolicyNames.Of(b.PolicyStatus) + (b.PolicyOverridden ? "（人工调整）" : ""), b.ReportedOn]);

    public static Table Contraception(Paged<ContraceptionRow> page, bool fullIds) => Limited("节育手术",
        ["日期", "姓名", "公民身份号码", "村（居）", "手术/方法", "施术机构", "并发症"], page,
        e => [e.Date, e.WomanName, Id(e.IdNumber, fullIds), e.VillageName, Methods.Of(e.Type), Methods.Of(e.Institution), e.Complication ? "有" : "无"]);

    public static Table Beneficiaries(Paged<BeneficiaryRow> page, bool fullIds) => Limited("奖励扶助",
        ["姓名", "公民身份号码", "村（居）", "项目", "类别", "状态", "申请日期", "审批日期"], page,
        b => [b.Name, Id(b.IdNumber, fullIds), b.VillageName, SubsidyNames.Of(b.Programme), SubsidyNames.Of(b.Category),
            SubsidyNames.Of(b.Status), b.AppliedOn, b.ApprovedOn]);

    /// <summary>A list longer than one export says so in its last row instead of ending silently.</summary>
    private static Table Limited<T>(string name, string[] headers, Paged<T> page, Func<T, object?[]> row)
    {
        var rows = page.Rows.Select(row);
        if (page.Total > page.Rows.Count)
            rows = rows.Append([$"共 {page.Total} 行，只导出了前 {page.Rows.Count} 行，请缩小查询范围后分批导出"]);
        return new Table(name, headers, rows);
    }
}
