using FamilyPlanning.Core.Audit;

namespace FamilyPlanning.Core.People;

/// <summary>
/// What changes a person's membership of a count, in the order applied within one day: registration first (at birth), then
/// a move in, marital and residence changes, a transfer between households, villages or townships, a move out, and death.
/// </summary>
public enum PersonEventKind { Registered = 1, MoveIn = 2, Marital = 3, Residence = 4, Transfer = 5, MoveOut = 6, Death = 7 }

/// <summary>
/// One dated fact of a person's history together with the person's whole state from that date until <see cref="ValidTo"/>
/// (the next fact's date): where the person is registered, residence type, marital status and whether the person is
/// present (born, here, alive). A count at a date reads the rows whose span covers it, so a past period's figures come
/// out the same whatever happens later. Maintained by <see cref="PersonHistory"/>; the person row shows the last state.
/// Not audited itself: the audited change of the person is what caused it.
/// </summary>
[NotAudited]
public class PersonEvent
{
    public const int PlaceMaxLength = 100;
    public const int NoteMaxLength = 200;

    public long Id { get; set; }
    public long PersonId { get; set; }
    public PersonEventKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string TownshipCode { get; set; }
    public required string VillageCode { get; set; }
    public long HouseholdId { get; set; }
    public Residence Residence { get; set; }
    public MaritalStatus MaritalStatus { get; set; }
    public bool Present { get; set; }
    /// <summary>The next fact's date (exclusive); null for the person's current state.</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>A death of someone present here just before it: counted in the deaths of the period.</summary>
    public bool CountsAsDeath { get; set; }
    /// <summary>Where a move out went or a move in came from.</summary>
    public string? Place { get; set; }
    public string? Note { get; set; }
}
