using System.ComponentModel.DataAnnotations;
using FamilyPlanning.Core.Contraception;

namespace FamilyPlanning.Core.People;

public sealed record WomanInput
{
    /// <summary>The form as the record stands (to edit it).</summary>
    public static WomanInput Of(Woman w) => new()
    {
        MarriedOn = w.MarriedOn,
        BoysBefore = w.BoysBefore,
        GirlsBefore = w.GirlsBefore,
        Exemption = w.Exemption,
        BirthServiceCertificate = w.BirthServiceCertificate,
        OneChildCertificate = w.OneChildCertificate,
        OneChildCertificateOn = w.OneChildCertificateOn,
        RegisteredOn = w.RegisteredOn,
    };

    [Display(Name = "结婚日期")]
    public DateOnly? MarriedOn { get; init; }

    [Range(0, 15, ErrorMessage = "登记前已有男孩数应在 {1}–{2} 之间")]
    [Display(Name = "登记前现有男孩数")]
    public int BoysBefore { get; init; }

    [Range(0, 15, ErrorMessage = "登记前已有女孩数应在 {1}–{2} 之间")]
    [Display(Name = "登记前现有女孩数")]
    public int GirlsBefore { get; init; }

    [Display(Name = "免于节育原因")]
    public Exemption? Exemption { get; init; }

    [Display(Name = "免于节育原因变动日期")]
    public DateOnly? ExemptionChangedOn { get; init; }

    [StringLength(Woman.CertificateMaxLength, ErrorMessage = "证号不能超过 {1} 个字符")]
    [Display(Name = "生育服务证号")]
    public string? BirthServiceCertificate { get; init; }

    [StringLength(Woman.CertificateMaxLength, ErrorMessage = "证号不能超过 {1} 个字符")]
    [Display(Name = "独生子女父母光荣证号")]
    public string? OneChildCertificate { get; init; }

    [Display(Name = "光荣证发证日期")]
    public DateOnly? OneChildCertificateOn { get; init; }

    [Required(ErrorMessage = "请填写建档日期")]
    [Display(Name = "建档日期")]
    public DateOnly? RegisteredOn { get; init; }
}

public sealed record WomanFilter(string? Query, string? VillageCode, bool IncludeLeft, int Page = 1);

public sealed record WomanRow(long Id, long PersonId, string Name, string? IdNumber, DateOnly BirthDate, string VillageName,
    MaritalStatus MaritalStatus, int Boys, int Girls, Exemption? Exemption, DateOnly? DiedOn, DateOnly? MovedOutOn)
{
    public Method Method { get; set; }
    public int AgeOn(DateOnly d) => d.Year - BirthDate.Year - (d < BirthDate.AddYears(d.Year - BirthDate.Year) ? 1 : 0);

    /// <summary>在册, or why she left the register (出队).</summary>
    public string StatusOn(DateOnly d) =>
        DiedOn <= d ? "出队（死亡）" : MovedOutOn <= d ? "出队（迁出）" : AgeOn(d) > Woman.MaxAge ? "出队（满50岁）"
        : AgeOn(d) < Woman.MinAge ? "未满15岁" : "在册";
}

public sealed record PersonCandidate(long Id, string Name, string? IdNumber, DateOnly BirthDate, string VillageName);
