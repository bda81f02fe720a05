namespace FamilyPlanning.Core.People;

/// <summary>Dated facts a service records for the next SaveChanges of its context (a marriage on a date, a move between
/// villages); <see cref="PersonHistoryInterceptor"/> folds them into the person's history in that same save.</summary>
public sealed class PersonFacts
{
    private readonly List<PersonEvent> _pending = [];
    private readonly HashSet<long> _refold = [];

    public void Add(PersonEvent fact) => _pending.Add(fact);

    /// <summary>Fold the person's history again at the next save (after a fact was removed).</summary>
    public void Refold(long personId) => _refold.Add(personId);

    internal List<long> TakeRefolds()
    {
        var taken = _refold.ToList();
        _refold.Clear();
        return taken;
    }

    internal List<PersonEvent> Take()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }
}
