using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Contraception;

/// <summary>节育手术 (四术) or the start/stop of an ongoing method, for a registered woman. A vasectomy is her husband's
/// operation but counts for her.</summary>
public class ContraceptiveEvent
{
    public const int NoteMaxLength = 200;

    public long Id { get; set; }
    public long WomanId { get; set; }
    public Woman? Woman { get; set; }
    public required string TownshipCode { get; set; }
    public required string VillageCode { get; set; }
    public ContraceptiveType Type { get; set; }
    public DateOnly Date { get; set; }
    public Institution Institution { get; set; }
    public bool Complication { get; set; }
    public string Note { get; set; } = "";
    public uint Version { get; set; }
}

public enum ContraceptiveType
{
    IudInsertion = 1,
    IudRemoval = 2,
    TubalLigation = 3,
    Vasectomy = 4,
    ImplantInsertion = 5,
    ImplantRemoval = 6,
    Abortion = 7,
    InducedLabour = 8,
    Pill = 20,
    Injection = 21,
    Condom = 22,
    Topical = 23,
    OtherMethod = 24,
    MethodStopped = 29,
}

public enum Institution { CountyStation = 1, TownshipClinic = 2, Hospital = 3, Other = 9 }
