using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Births;

/// <summary>出生登记: one live-born child. Children of one delivery (twins) share <see cref="DeliveryId"/> and get
/// consecutive parities; the policy status is decided once per delivery.</summary>
public class Birth
{
    public const int PlaceMaxLength = 60;
    public const int CertificateMaxLength = 20;
    public const int ReasonMaxLength = 200;

    public long Id { get; set; }
    public long ChildId { get; set; }
    public Person? Child { get; set; }
    public long MotherId { get; set; }
    public Woman? Mother { get; set; }
    public long? FatherId { get; set; }
    public Person? Father { get; set; }
    /// <summary>The father's ID number as given when no man registered in the county has it (then <see cref="FatherId"/> is
    /// null): the registration succeeds either way, so the form never tells a registered number from an unknown one.</summary>
    public string? FatherIdNumber { get; set; }
    public required string TownshipCode { get; set; }
    public required string VillageCode { get; set; }
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    public string Place { get; set; } = "";
    /// <summary>出生医学证明 number.</summary>
    public string? CertificateNumber { get; set; }
    public Guid DeliveryId { get; set; }
    public int Parity { get; set; }
    public PolicyStatus PolicyStatus { get; set; }
    /// <summary>Why the rule table decided as it did (or the clerk's reason, when overridden).</summary>
    public string PolicyReason { get; set; } = "";
    public bool PolicyOverridden { get; set; }
    /// <summary>再生育审批 permit number, when the delivery was approved beyond the limit.</summary>
    public string? PermitNumber { get; set; }
    public DateOnly ReportedOn { get; set; }
    public uint Version { get; set; }
}

public enum PolicyStatus { Compliant = 1, OutOfPolicy = 2 }

public static class PolicyNames
{
    public static string Of(PolicyStatus s) => s == PolicyStatus.Compliant ? "符合政策" : "政策外";
}
