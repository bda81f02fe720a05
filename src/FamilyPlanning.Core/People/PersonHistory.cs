namespace FamilyPlanning.Core.People;

/// <summary>
/// A person's dated history as <see cref="PersonEvent"/> rows: each fact owns the fields it changes (a marital change its
/// status, a transfer the household, village and township, a move or death the presence); <see cref="Rebuild"/> folds the
/// facts in date order and writes into every row the whole state from its date to the next fact's, so that any count at
/// any date is a filter on the rows whose span covers it. The same fold serves the pages (through the interceptor), the
/// imports and the demo loader (by COPY), and the conversion of rows that have no history yet.
/// </summary>
public static class PersonHistory
{
    /// <summary>The history a person row implies on its own: registration at birth (absent until a recorded move in),
    /// then the move in, marriage (from the woman's 结婚日期), move out and death the row carries.</summary>
    public static List<PersonEvent> FromRow(Person p, DateOnly? marriedOn = null)
    {
        var married = p.MaritalStatus is MaritalStatus.FirstMarriage or MaritalStatus.Remarried;
        var marriageKnown = married && marriedOn is { } m && m > p.BirthDate;
        var events = new List<PersonEvent>
        {
            New(p, PersonEventKind.Registered, p.BirthDate, present: p.MovedInOn is null || p.MovedInOn <= p.BirthDate,
                marital: marriageKnown ? MaritalStatus.Unmarried : p.MaritalStatus),
        };
        if (p.MovedInOn is { } movedIn && movedIn > p.BirthDate) events.Add(New(p, PersonEventKind.MoveIn, movedIn));
        if (marriageKnown) events.Add(New(p, PersonEventKind.Marital, marriedOn!.Value));
        if (p.MovedOutOn is { } movedOut) events.Add(New(p, PersonEventKind.MoveOut, movedOut, place: p.MovedOutTo));
        if (p.DiedOn is { } died) events.Add(New(p, PersonEventKind.Death, died));
        Rebuild(events);
        return events;
    }

    /// <summary>A fact about <paramref name="p"/> carrying the person's current values; the caller sets what it changes.</summary>
    public static PersonEvent New(Person p, PersonEventKind kind, DateOnly date, bool present = true, MaritalStatus? marital = null,
        string? place = null, string? note = null) => new()
        {
            PersonId = p.Id,
            Kind = kind,
            Date = date,
            TownshipCode = p.TownshipCode,
            VillageCode = p.VillageCode,
            HouseholdId = p.HouseholdId,
            Residence = p.Residence,
            MaritalStatus = marital ?? p.MaritalStatus,
            Present = present,
            Place = place,
            Note = note,
        };

    /// <summary>Date order, and within a day the order of <see cref="PersonEventKind"/> (then the order recorded).</summary>
    public static IEnumerable<PersonEvent> Ordered(IEnumerable<PersonEvent> events) =>
        events.OrderBy(e => e.Date).ThenBy(e => e.Kind).ThenBy(e => e.Id == 0 ? long.MaxValue : e.Id);

    /// <summary>Folds the facts in order: each takes the state before it and changes what it owns; sets every row's span.</summary>
    public static void Rebuild(List<PersonEvent> events)
    {
        var ordered = Ordered(events).ToList();
        PersonEvent? state = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (state is not null && e.Kind != PersonEventKind.Registered)
            {
                if (e.Kind != PersonEventKind.Marital) e.MaritalStatus = state.MaritalStatus;
                if (e.Kind != PersonEventKind.Residence) e.Residence = state.Residence;
                if (e.Kind != PersonEventKind.Transfer)
                {
                    e.TownshipCode = state.TownshipCode;
                    e.VillageCode = state.VillageCode;
                    e.HouseholdId = state.HouseholdId;
                }
                e.CountsAsDeath = e.Kind == PersonEventKind.Death && state.Present;
                e.Present = e.Kind switch
                {
                    PersonEventKind.MoveIn => !state.Dead(),
                    PersonEventKind.MoveOut or PersonEventKind.Death => false,
                    _ => state.Present,
                };
            }
            e.ValidTo = i + 1 < ordered.Count ? ordered[i + 1].Date : null;
            state = e;
        }
        events.Clear();
        events.AddRange(ordered);
    }

    private static bool Dead(this PersonEvent e) => e.Kind == PersonEventKind.Death;

    /// <summary>The person row as the last state of its history: the current place, residence, marital status and the
    /// dates the pages show (died on, moved out on while away, the last move in).</summary>
    public static void ApplyCurrent(Person p, List<PersonEvent> events)
    {
        if (events.Count == 0) return;
        var last = events[^1];
        p.TownshipCode = last.TownshipCode;
        p.VillageCode = last.VillageCode;
        p.HouseholdId = last.HouseholdId;
        p.Residence = last.Residence;
        p.MaritalStatus = last.MaritalStatus;
        p.DiedOn = events.LastOrDefault(e => e.Kind == PersonEventKind.Death)?.Date;
        var lastMove = events.LastOrDefault(e => e.Kind is PersonEventKind.MoveOut or PersonEventKind.MoveIn);
        p.MovedOutOn = lastMove?.Kind == PersonEventKind.MoveOut ? lastMove.Date : null;
        p.MovedOutTo = lastMove?.Kind == PersonEventKind.MoveOut ? lastMove.Place : null;
        p.MovedInOn = events.LastOrDefault(e => e.Kind == PersonEventKind.MoveIn)?.Date;
    }
}
