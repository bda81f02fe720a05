namespace FamilyPlanning.Core.People;

/// <summary>Dated facts a service records for the next SaveChanges of its context (a marriage on a date, a move between
/// villages); <see cref="PersonHistoryInterceptor"/> folds them into the person's history in that same save.</summary>
public sealed class PersonFacts
{
    private readonly List<PersonEvent> _pending = [];

    public void Add(PersonEvent fact) => _pending.Add(fact);

    internal List<PersonEvent> Take()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }
}
