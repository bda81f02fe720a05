namespace FamilyPlanning.Core.Audit;

/// <summary>One changed entity: who changed it, when, and its values before and after (JSON), written in the same
/// transaction as the change itself by <see cref="Data.AuditInterceptor"/>.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>Township the changed row belongs to, when it has one; lets clerks see the history of their own records.</summary>
    public string? TownshipCode { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

public enum AuditAction { Created = 1, Updated = 2, Deleted = 3 }

public static class AuditNames
{
    public static string Of(AuditAction a) => a switch
    {
        AuditAction.Created => "新增",
        AuditAction.Updated => "修改",
        _ => "删除",
    };

    /// <summary>What county staff call each audited entity; unknown names are shown as they are.</summary>
    public static string OfEntity(string entity) => entity switch
    {
        "AppUser" => "用户",
        "IdentityUserRole`1" => "用户角色",
        "County" => "县",
        "Township" => "乡镇（街道）",
        "Village" => "村（居）委会",
        "Household" => "户",
        "Person" => "人员",
        "Woman" => "育龄妇女",
        "Birth" => "出生登记",
        "ContraceptiveEvent" => "节育记录",
        "PolicyRule" => "政策规则",
        _ => entity,
    };
}
