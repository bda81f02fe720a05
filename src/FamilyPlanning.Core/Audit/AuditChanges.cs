using System.Text.Json;
using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Audit;

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Turns an audit row's before/after JSON into field-by-field changes with Chinese labels and values, for the
/// history on details pages. Ids and codes the user never types are left out.</summary>
public static partial class AuditChanges
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["Name"] = "姓名",
        ["Sex"] = "性别",
        ["BirthDate"] = "出生日期",
        ["IdNumber"] = "公民身份号码",
        ["Relation"] = "与户主关系",
        ["MaritalStatus"] = "婚姻状况",
        ["Residence"] = "居住状况",
        ["MovedInOn"] = "迁入日期",
        ["MovedOutOn"] = "迁出日期",
        ["MovedOutTo"] = "迁往地",
        ["DiedOn"] = "死亡日期",
        ["Number"] = "户编号",
        ["Address"] = "住址",
        ["HeadName"] = "户主姓名",
        ["HukouType"] = "户口性质",
        ["VillageCode"] = "村（居）代码",
        ["MarriedOn"] = "结婚日期",
        ["BoysBefore"] = "建档前男孩数",
        ["GirlsBefore"] = "建档前女孩数",
        ["Exemption"] = "免于节育原因",
        ["BirthServiceCertificate"] = "生育服务证号",
        ["OneChildCertificate"] = "独生子女父母光荣证号",
        ["OneChildCertificateOn"] = "光荣证发证日期",
        ["RegisteredOn"] = "建档日期",
        ["Place"] = "出生地点",
        ["CertificateNumber"] = "出生医学证明编号",
        ["Parity"] = "孩次",
        ["PolicyStatus"] = "政策属性",
        ["PolicyReason"] = "判定依据",
        ["PolicyOverridden"] = "人工调整",
        ["PermitNumber"] = "再生育审批证号",
        ["ReportedOn"] = "报告日期",
        ["DisabilityGrade"] = "残疾等级",
        ["Programme"] = "项目",
        ["Category"] = "类别",
        ["Status"] = "状态",
        ["AppliedOn"] = "申请日期",
        ["ApprovedOn"] = "审批日期",
        ["FirstMonth"] = "起始发放月",
        ["ExitedOn"] = "退出日期",
        ["ExitReason"] = "退出原因",
        ["PaidOn"] = "发放日期",
        ["MonthlyAmount"] = "月标准",
        ["EffectiveFrom"] = "生效日期",
        ["Type"] = "手术/方法",
        ["Date"] = "日期",
        ["Institution"] = "施术机构",
        ["Complication"] = "并发症",
        ["Note"] = "备注",
        ["PersonEvent"] = "人口变动记录",
        ["DeleteReason"] = "删除理由",
    };

    public static List<FieldChange> Of(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return Labels.Keys.Where(k => b.ContainsKey(k) || a.ContainsKey(k))
            .Select(k => new FieldChange(Labels[k], Masked(k, Show(b.GetValueOrDefault(k))), Masked(k, Show(a.GetValueOrDefault(k)))))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    // History is shown to everyone who reads the record; full ID numbers are shown only where the role needs them.
    private static string? Masked(string key, string? value) => key == "IdNumber" && value is not null ? IdNumber.Mask(value) : value;

    /// <summary>The audit JSON with every ID number masked (for the admin's audit log, which needs no full numbers).</summary>
    public static string? MaskIdNumbers(string? json) =>
        json is null ? null : IdInJson().Replace(json, m => m.Groups[1].Value + IdNumber.Mask(m.Groups[2].Value) + "\"");

    [System.Text.RegularExpressions.GeneratedRegex("(\"IdNumber\": \")([0-9]{17}[0-9X])\"")]
    private static partial System.Text.RegularExpressions.Regex IdInJson();

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];

    private static string? Show(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.String => Chinese(v.GetString()!),
        _ => v.ToString(),
    };

    private static string Chinese(string s) =>
        Enum.TryParse<Sex>(s, out var sex) && !int.TryParse(s, out _) ? SexNames.Of(sex)
        : Enum.TryParse<MaritalStatus>(s, out var m) && !int.TryParse(s, out _) ? PersonNames.Of(m)
        : Enum.TryParse<Relation>(s, out var r) && !int.TryParse(s, out _) ? PersonNames.Of(r)
        : Enum.TryParse<Residence>(s, out var res) && !int.TryParse(s, out _) ? PersonNames.Of(res)
        : Enum.TryParse<HukouType>(s, out var h) && !int.TryParse(s, out _) ? PersonNames.Of(h)
        : Enum.TryParse<Exemption>(s, out var e) && !int.TryParse(s, out _) ? PersonNames.Of(e)
        : Enum.TryParse<PolicyStatus>(s, out var p) && !int.TryParse(s, out _) ? PolicyNames.Of(p)
        : Enum.TryParse<ContraceptiveType>(s, out var t) && !int.TryParse(s, out _) ? Methods.Of(t)
        : Enum.TryParse<Institution>(s, out var i) && !int.TryParse(s, out _) ? Methods.Of(i)
        : s;
}
