namespace FamilyPlanning.Core.Imports;

public enum ImportKind { Persons = 1, Women = 2, Births = 3, Contraception = 4, LifeEvents = 5, SubsidyApplications = 6 }

/// <summary>One column of an import template: its Chinese header, whether a row needs it, the input property whose rule
/// messages it receives, an example value and a note for docs/import.md and the template's 说明 sheet.</summary>
public sealed record Column(string Header, bool Required, string Property, string Example, string Note);

public sealed record Template(ImportKind Kind, string Title, string Slug, string Matching, Column[] Columns)
{
    public Column this[string property] => Columns.First(c => c.Property == property);
}

/// <summary>The import templates, one per register. The headers are the contract with clerks' spreadsheets: change them only
/// together with docs/import.md and the example files.</summary>
public static class ImportTemplates
{
    public static readonly Template Persons = new(ImportKind.Persons, "户籍人口", "persons",
        "户按“户编号”匹配（本乡镇内唯一）；人员按公民身份号码匹配，没有号码的按同一户内“姓名＋出生日期”匹配。已有的户和人员按文件内容更新（留有修改记录），文件里没有的不受影响。",
        [
            new("户编号", true, "Number", "LM-0001", "本乡镇内唯一；同一户的成员各占一行，户信息须一致"),
            new("村（居）", true, "VillageCode", "371426001001", "12位统计用区划代码，或本乡镇村（居）委会的名称"),
            new("住址", false, "Address", "前进街3号", "最多100字"),
            new("户主姓名", true, "HeadName", "王建国", ""),
            new("户口性质", true, "HukouType", "农业", "农业 / 非农业"),
            new("姓名", true, "Name", "王建国", "最多30字"),
            new("性别", true, "Sex", "男", "男 / 女"),
            new("出生日期", true, "BirthDate", "1968-03-02", "yyyy-MM-dd，也可 yyyy/M/d 或 yyyy年M月d日"),
            new("公民身份号码", false, "IdNumber", "371426196803021233", "18位，末位可为X；须与出生日期、性别一致；请把该列设为文本格式"),
            new("与户主关系", true, "Relation", "户主", "户主 / 配偶 / 子 / 女 / 父母 / 孙子女 / 儿媳/女婿 / 其他"),
            new("婚姻状况", true, "MaritalStatus", "初婚", "未婚 / 初婚 / 再婚 / 离婚 / 丧偶"),
            new("居住状况", false, "Residence", "户籍常住", "户籍常住（默认）/ 外出流动 / 流入流动"),
            new("迁入日期", false, "MovedInOn", "", "迁入本地的日期"),
            new("残疾等级", false, "DisabilityGrade", "", "1–4，没有残疾证的留空"),
        ]);

    public static readonly Template Women = new(ImportKind.Women, "育龄妇女", "women",
        "按公民身份号码找到本乡镇已登记的女性人员（须先导入户籍人口）；已有育龄妇女档案的按文件更新。",
        [
            new("公民身份号码", true, "IdNumber", "371426199203151329", "本乡镇已登记人员的号码"),
            new("姓名", true, "Name", "赵丽", "须与登记的姓名一致，用于核对"),
            new("结婚日期", false, "MarriedOn", "2014-10-01", "已婚（初婚/再婚）的必填"),
            new("登记前现有男孩数", false, "BoysBefore", "1", "建档前已有且未在本系统登记出生的男孩，默认0"),
            new("登记前现有女孩数", false, "GirlsBefore", "0", "同上，女孩"),
            new("免于节育原因", false, "Exemption", "", "不孕 / 绝经 / 丧偶 / 离婚 / 孕期"),
            new("生育服务证号", false, "BirthServiceCertificate", "", "最多30字"),
            new("独生子女父母光荣证号", false, "OneChildCertificate", "", "最多30字"),
            new("光荣证发证日期", false, "OneChildCertificateOn", "", "填了日期须同时填证号"),
            new("建档日期", true, "RegisteredOn", "2015-01-10", "建档时须为15–49岁、在本地户籍"),
        ]);

    public static readonly Template Births = new(ImportKind.Births, "出生登记", "births",
        "按母亲（育龄妇女档案）＋出生日期＋婴儿姓名匹配，已登记的按文件更新出生地点、证明编号、审批证号和报告日期。同一母亲同一出生日期的多行是一次分娩（双胞胎、多胞胎）。婴儿作为新人员登记在母亲所在户。",
        [
            new("母亲公民身份号码", true, "MotherId", "371426199203151329", "须已有本乡镇的育龄妇女档案"),
            new("婴儿姓名", true, "Name", "李小明", "最多30字"),
            new("性别", true, "Sex", "男", "男 / 女"),
            new("出生日期", true, "BirthDate", "2026-03-08", "不能晚于今天；所在月份的月报已上报或审核的不能导入"),
            new("出生地点", false, "Place", "县人民医院", "最多60字"),
            new("出生医学证明编号", false, "CertificateNumber", "Q371234567", "全县唯一"),
            new("婴儿公民身份号码", false, "IdNumber", "", "已办理的填写"),
            new("父亲公民身份号码", false, "FatherIdNumber", "", "须为已登记的男性人员，可不填"),
            new("再生育审批证号", false, "PermitNumber", "", "超过政策子女数、持审批的填写"),
            new("报告日期", true, "ReportedOn", "2026-03-12", "不早于出生日期，不晚于今天"),
        ]);

    public static readonly Template Contraception = new(ImportKind.Contraception, "节育手术", "contraception",
        "按妇女＋手术或方法＋日期匹配，已登记的按文件更新施术机构、并发症和备注。同一文件内按日期先后检查（如取环前须已放环）。",
        [
            new("公民身份号码", true, "WomanId", "371426199203151329", "须已有本乡镇的育龄妇女档案（男扎填妻子的号码）"),
            new("姓名", true, "Name", "赵丽", "妇女姓名，用于核对"),
            new("手术或方法", true, "Type", "放环", "放环 / 取环 / 女扎 / 男扎 / 皮埋 / 取皮埋 / 人流 / 引产 / 口服药 / 注射 / 避孕套 / 外用药 / 其它方法 / 停用避孕方法"),
            new("日期", true, "Date", "2026-06-20", "不能晚于今天；所在月份的月报已上报或审核的不能导入"),
            new("施术机构", true, "Institution", "乡服务所", "县服务站 / 乡服务所 / 医院 / 其他"),
            new("有并发症", false, "Complication", "否", "是 / 否，默认否"),
            new("备注", false, "Note", "", "最多200字"),
        ]);

    public static readonly Template LifeEvents = new(ImportKind.LifeEvents, "死亡迁移", "life-events",
        "按公民身份号码找到本乡镇的人员；同一人员可有多行（如多次迁出、迁回），按日期先后登记；同一事件同一日期已登记的视为重复，不再改动。",
        [
            new("公民身份号码", true, "IdNumber", "37142619400101135X", "本乡镇已登记人员的号码"),
            new("姓名", true, "Name", "李老汉", "用于核对"),
            new("事件", true, "Event", "死亡", "死亡 / 迁出 / 迁入（迁出后返回）"),
            new("日期", true, "Date", "2026-01-15", "不能晚于今天，不能早于出生日期"),
            new("迁往地", false, "Place", "", "迁出时填写，最多100字"),
        ]);

    public static readonly Template SubsidyApplications = new(ImportKind.SubsidyApplications, "扶助申请", "subsidies",
        "按申请人＋项目匹配：该人已有同一项目的申请或正在享受的，视为已导入，不再改动。每行按录入页面的资格条件检查（户口性质、子女、年龄等），导入后为“申请”状态，之后的村公示、乡审核、县审批在扶助页面办理。",
        [
            new("公民身份号码", true, "PersonId", "371426196002011414", "申请人，本乡镇已登记人员"),
            new("姓名", true, "Name", "赵大爷", "用于核对"),
            new("项目", true, "Programme", "奖扶", "奖扶 / 特扶 / 独生子女父母奖励费"),
            new("独生子女公民身份号码", false, "ChildId", "", "特扶、奖励费须填写该家庭的独生子女"),
            new("申报现有男孩数", false, "DeclaredBoys", "0", "未在本系统登记的子女，默认0"),
            new("申报现有女孩数", false, "DeclaredGirls", "0", "同上"),
            new("申请日期", true, "AppliedOn", "2026-03-01", "不能晚于今天"),
            new("备注", false, "Note", "", "最多200字"),
        ]);

    public static readonly IReadOnlyList<Template> All = [Persons, Women, Births, Contraception, LifeEvents, SubsidyApplications];

    public static Template Of(ImportKind kind) => All.First(t => t.Kind == kind);

    public static Template? OfSlug(string? slug) => All.FirstOrDefault(t => t.Slug == slug);
}
