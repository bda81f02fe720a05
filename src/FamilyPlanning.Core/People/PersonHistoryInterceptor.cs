using FamilyPlanning.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FamilyPlanning.Core.People;

/// <summary>
/// Keeps every saved person's history (<see cref="PersonEvent"/>) in the same SaveChanges as the change, whatever page or
/// service made it. Dated facts a service recorded (<see cref="AppDbContext.PersonFacts"/>: a marriage, a residence change,
/// a transfer) are added; a death, move out or move in is read from the person's own dated columns; any other change of a
/// person's place, residence or marital status without a dated fact is a correction of the registration (the latest fact
/// of that kind, or the registration itself, takes the new value). A woman's 结婚日期 becomes her marriage fact. Then the
/// history is folded again (a back-dated fact changes what follows it) and the person row shows its last state.
/// </summary>
public sealed class PersonHistoryInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db) KeepAsync(db, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db) await KeepAsync(db, sync: false, cancellationToken);
        return result;
    }

    private static async Task KeepAsync(AppDbContext db, bool sync, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await ExemptionHistory.KeepAsync(db, sync, ct);
        var people = db.ChangeTracker.Entries<Person>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var women = db.ChangeTracker.Entries<Woman>()
            .Where(e => e.State == EntityState.Added || e.State == EntityState.Modified && e.Property(w => w.MarriedOn).IsModified).ToList();
        var facts = db.PersonFacts.Take();
        var marriages = db.PersonFacts.TakeMarriages();
        var ids = people.Select(e => e.Entity.Id).Concat(women.Select(w => w.Entity.PersonId)).Concat(facts.Select(f => f.PersonId))
            .Concat(db.PersonFacts.TakeRefolds()).Concat(marriages.Keys).Distinct().ToList();
        if (ids.Count == 0) return;
        // Persons not in the change tracker yet, in one query (tracked: the person row shows the folded history).
        var missing = ids.Except(people.Select(e => e.Entity.Id)).ToList();
        if (missing.Count > 0)
        {
            if (sync) db.Persons.Where(p => missing.Contains(p.Id)).Load();
            else await db.Persons.Where(p => missing.Contains(p.Id)).LoadAsync(ct);
        }

        var existing = sync
            ? db.PersonEvents.Where(e => ids.Contains(e.PersonId)).ToList()
            : await db.PersonEvents.Where(e => ids.Contains(e.PersonId)).ToListAsync(ct);
        var marriedOn = sync
            ? db.Women.Where(w => ids.Contains(w.PersonId)).Select(w => new { w.PersonId, w.MarriedOn }).ToList()
            : await db.Women.Where(w => ids.Contains(w.PersonId)).Select(w => new { w.PersonId, w.MarriedOn }).ToListAsync(ct);
        // Lookups by person, so a save of many persons (an import) stays linear.
        var entries = people.ToDictionary(e => e.Entity.Id);
        var local = db.Persons.Local.Where(p => ids.Contains(p.Id)).ToDictionary(p => p.Id);
        var womenOf = women.GroupBy(w => w.Entity.PersonId).ToDictionary(g => g.Key, g => g.First());
        var marriedOnOf = marriedOn.GroupBy(w => w.PersonId).ToDictionary(g => g.Key, g => g.First().MarriedOn);
        var eventsOf = existing.Where(e => db.Entry(e).State != EntityState.Deleted).ToLookup(e => e.PersonId);
        var factsOf = facts.ToLookup(f => f.PersonId);
        foreach (var id in ids)
        {
            var entry = entries.GetValueOrDefault(id);
            var person = entry?.Entity ?? local.GetValueOrDefault(id);
            if (person is null) continue;
            var woman = womenOf.GetValueOrDefault(id);
            var marriage = woman?.Entity.MarriedOn ?? (marriages.TryGetValue(id, out var copied) ? copied : (DateOnly?)null)
                ?? marriedOnOf.GetValueOrDefault(id);
            var events = eventsOf[id].ToList();
            var own = factsOf[id].ToList();
            if (events.Count == 0)
            {
                events = PersonHistory.FromRow(person, marriage);
                db.PersonEvents.AddRange(events);
            }
            else
            {
                if (entry?.State == EntityState.Modified) Correct(entry, events, own, db);
                if ((woman is not null || marriages.ContainsKey(id)) && marriage is { } m) Marry(person, events, m, db);
            }
            foreach (var f in own) { events.Add(f); db.PersonEvents.Add(f); }
            PersonHistory.Rebuild(events);
            PersonHistory.ApplyCurrent(person, events);
        }
    }

    /// <summary>What changed on the person row without a dated fact: dated columns become facts, the rest corrections.</summary>
    private static void Correct(EntityEntry<Person> entry, List<PersonEvent> events, List<PersonEvent> facts, AppDbContext db)
    {
        var p = entry.Entity;
        T Was<T>(string name) => (T)entry.OriginalValues[name]!;
        PersonEvent Registration() => RegistrationOf(events);
        PersonEvent? Latest(PersonEventKind kind) => LatestOf(events, kind);

        if (Was<DateOnly>(nameof(Person.BirthDate)) != p.BirthDate) Registration().Date = p.BirthDate;

        // Deaths and moves given as dated facts (an import of several moves of one person) are taken as they are; otherwise
        // they are read from the person's dated columns.
        if (!facts.Any(f => f.Kind is PersonEventKind.Death or PersonEventKind.MoveOut or PersonEventKind.MoveIn))
            DatedColumns(entry, events, facts, db);

        if (!facts.Any(f => f.Kind == PersonEventKind.Marital) && Was<MaritalStatus>(nameof(Person.MaritalStatus)) != p.MaritalStatus)
            (Latest(PersonEventKind.Marital) ?? Registration()).MaritalStatus = p.MaritalStatus;
        if (!facts.Any(f => f.Kind == PersonEventKind.Residence) && Was<Residence>(nameof(Person.Residence)) != p.Residence)
            (Latest(PersonEventKind.Residence) ?? Registration()).Residence = p.Residence;
        if (!facts.Any(f => f.Kind == PersonEventKind.Transfer)
            && (Was<long>(nameof(Person.HouseholdId)) != p.HouseholdId || Was<string>(nameof(Person.VillageCode)) != p.VillageCode
                || Was<string>(nameof(Person.TownshipCode)) != p.TownshipCode))
        {
            var place = Latest(PersonEventKind.Transfer) ?? Registration();
            (place.HouseholdId, place.VillageCode, place.TownshipCode) = (p.HouseholdId, p.VillageCode, p.TownshipCode);
        }
    }

    private static void DatedColumns(EntityEntry<Person> entry, List<PersonEvent> events, List<PersonEvent> facts, AppDbContext db)
    {
        var p = entry.Entity;
        T Was<T>(string name) => (T)entry.OriginalValues[name]!;
        PersonEvent Registration() => RegistrationOf(events);
        PersonEvent? Latest(PersonEventKind kind) => LatestOf(events, kind);
        void Remove(PersonEvent e) { events.Remove(e); db.PersonEvents.Remove(e); }

        var diedWas = Was<DateOnly?>(nameof(Person.DiedOn));
        if (diedWas != p.DiedOn)
        {
            if (Latest(PersonEventKind.Death) is { } death)
            {
                if (p.DiedOn is { } d) death.Date = d;
                else Remove(death);
            }
            else if (p.DiedOn is { } d) facts.Add(PersonHistory.New(p, PersonEventKind.Death, d));
        }

        var outWas = Was<DateOnly?>(nameof(Person.MovedOutOn));
        var inWas = Was<DateOnly?>(nameof(Person.MovedInOn));
        if (outWas is null && p.MovedOutOn is { } movedOut)
            facts.Add(PersonHistory.New(p, PersonEventKind.MoveOut, movedOut, place: p.MovedOutTo));
        else if (outWas is not null && p.MovedOutOn is null && p.MovedInOn is { } back && back != inWas)
            facts.Add(PersonHistory.New(p, PersonEventKind.MoveIn, back));
        else
        {
            if (outWas != p.MovedOutOn && p.MovedOutOn is { } o && Latest(PersonEventKind.MoveOut) is { } lastOut) lastOut.Date = o;
            if (inWas != p.MovedInOn)
            {
                if (Latest(PersonEventKind.MoveIn) is { } lastIn)
                {
                    if (p.MovedInOn is { } i) lastIn.Date = i;
                    else { Remove(lastIn); Registration().Present = true; }
                }
                else if (p.MovedInOn is { } i && i > p.BirthDate)
                {
                    Registration().Present = false;
                    facts.Add(PersonHistory.New(p, PersonEventKind.MoveIn, i));
                }
            }
        }
    }

    private static PersonEvent RegistrationOf(List<PersonEvent> events) => events.First(e => e.Kind == PersonEventKind.Registered);

    private static PersonEvent? LatestOf(List<PersonEvent> events, PersonEventKind kind) =>
        PersonHistory.Ordered(events).LastOrDefault(e => e.Kind == kind);

    /// <summary>The woman's 结婚日期 is her first marriage fact: before it she was unmarried.</summary>
    private static void Marry(Person p, List<PersonEvent> events, DateOnly marriedOn, AppDbContext db)
    {
        if (marriedOn <= p.BirthDate) return;
        var first = PersonHistory.Ordered(events).FirstOrDefault(e => e.Kind == PersonEventKind.Marital);
        if (first is not null) { first.Date = marriedOn; return; }
        if (p.MaritalStatus is not (MaritalStatus.FirstMarriage or MaritalStatus.Remarried)) return;
        var registration = RegistrationOf(events);
        var status = registration.MaritalStatus;
        registration.MaritalStatus = MaritalStatus.Unmarried;
        var marriage = PersonHistory.New(p, PersonEventKind.Marital, marriedOn, marital: status);
        events.Add(marriage);
        db.PersonEvents.Add(marriage);
    }
}
