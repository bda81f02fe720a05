namespace FamilyPlanning.Core.People;

public enum Sex { Male = 1, Female = 2 }

public enum HukouType { Agricultural = 1, NonAgricultural = 2 }

public enum MaritalStatus { Unmarried = 1, FirstMarriage = 2, Remarried = 3, Divorced = 4, Widowed = 5 }

public enum Residence { Resident = 1, OutMigrant = 2, InMigrant = 3 }

public enum Relation { Head = 1, Spouse = 2, Son = 3, Daughter = 4, Parent = 5, Grandchild = 6, SonOrDaughterInLaw = 7, Other = 9 }

public enum Exemption { Infertile = 1, Menopause = 2, Widowed = 3, Divorced = 4, Pregnant = 5 }

public static class SexNames
{
    public static string Of(Sex s) => s == Sex.Male ? "男" : "女";
}

/// <summary>The Chinese words of the registers' choices, in one place for pages, exports and messages.</summary>
public static class PersonNames
{
    public static string Of(HukouType h) => h == HukouType.Agricultural ? "农业" : "非农业";

    public static string Of(MaritalStatus m) => m switch
    {
        MaritalStatus.Unmarried => "未婚",
        MaritalStatus.FirstMarriage => "初婚",
        MaritalStatus.Remarried => "再婚",
        MaritalStatus.Divorced => "离婚",
        _ => "丧偶",
    };

    public static string Of(Residence r) => r switch
    {
        Residence.Resident => "户籍常住",
        Residence.OutMigrant => "外出流动",
        _ => "流入流动",
    };

    public static string Of(Relation r) => r switch
    {
        Relation.Head => "户主",
        Relation.Spouse => "配偶",
        Relation.Son => "子",
        Relation.Daughter => "女",
        Relation.Parent => "父母",
        Relation.Grandchild => "孙子女",
        Relation.SonOrDaughterInLaw => "儿媳/女婿",
        _ => "其他",
    };

    public static string Of(Exemption e) => e switch
    {
        Exemption.Infertile => "不孕",
        Exemption.Menopause => "绝经",
        Exemption.Widowed => "丧偶",
        Exemption.Divorced => "离婚",
        _ => "孕期",
    };

    public static string Of(PersonEventKind k) => k switch
    {
        PersonEventKind.Registered => "登记（出生）",
        PersonEventKind.MoveIn => "迁入",
        PersonEventKind.Marital => "婚姻变动",
        PersonEventKind.Residence => "居住状况变动",
        PersonEventKind.Transfer => "户/村变动",
        PersonEventKind.MoveOut => "迁出",
        _ => "死亡",
    };

    public static bool IsMarried(MaritalStatus m) => m is MaritalStatus.FirstMarriage or MaritalStatus.Remarried;
}
