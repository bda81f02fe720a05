namespace FamilyPlanning.Core.Security;

public static class Roles
{
    public const string Admin = "Admin";
    public const string CountyStaff = "CountyStaff";
    public const string Official = "Official";
    public const string TownshipClerk = "TownshipClerk";

    public static readonly IReadOnlyList<string> All = [Admin, CountyStaff, Official, TownshipClerk];

    public static string ChineseName(string role) => role switch
    {
        Admin => "系统管理员",
        CountyStaff => "县级工作人员",
        Official => "领导",
        TownshipClerk => "乡镇统计员",
        _ => role,
    };

    /// <summary>Fixed role ids so the roles can be seeded by migration.</summary>
    public static string IdOf(string role) => role switch
    {
        Admin => "9f1c6f0e-0001-4a57-9d1e-000000000001",
        CountyStaff => "9f1c6f0e-0002-4a57-9d1e-000000000002",
        Official => "9f1c6f0e-0003-4a57-9d1e-000000000003",
        TownshipClerk => "9f1c6f0e-0004-4a57-9d1e-000000000004",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
