namespace FamilyPlanning.Core.People;

/// <summary>
/// 育龄妇女 record for a female person. She is in the register (在册) while aged 15–49, alive and not moved out; she leaves
/// it (出队) at 50, death or move-out without anyone editing this row. Children before registration seed the parity count.
/// </summary>
public class Woman
{
    public const int MinAge = 15;
    public const int MaxAge = 49;
    public const int CertificateMaxLength = 30;

    public long Id { get; set; }
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    public required string TownshipCode { get; set; }
    public required string VillageCode { get; set; }
    public DateOnly? MarriedOn { get; set; }
    /// <summary>Living boys and girls she had before this record was made and whose births are not registered here; every
    /// registered birth is counted from Birth.</summary>
    public int BoysBefore { get; set; }
    public int GirlsBefore { get; set; }
    /// <summary>The exemption in force now; its dated history is in <see cref="WomanExemption"/>.</summary>
    public Exemption? Exemption { get; set; }
    /// <summary>Not stored: the date a page or import gives for a change of <see cref="Exemption"/> (from then on). Without
    /// one a change is a correction (the exemption held since the record was made).</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public DateOnly? ExemptionChangedOn { get; set; }
    /// <summary>生育服务证 number, if issued.</summary>
    public string? BirthServiceCertificate { get; set; }
    /// <summary>独生子女父母光荣证 number, if issued.</summary>
    public string? OneChildCertificate { get; set; }
    public DateOnly? OneChildCertificateOn { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public uint Version { get; set; }

    public int ChildrenBefore => BoysBefore + GirlsBefore;
}
