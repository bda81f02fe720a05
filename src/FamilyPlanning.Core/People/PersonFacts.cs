namespace FamilyPlanning.Core.People;

/// <summary>Dated facts a service records for the next SaveChanges of its context (a marriage on a date, a move between
/// villages); <see cref="PersonHistoryInterceptor"/> folds them into the person's history in that same save.</summary>
public sealed class PersonFacts
{
    private readonly List<PersonEvent> _pending = [];
    private readonly HashSet<long> _refold = [];

    public void Add(PersonEvent fact) => _pending.Add(fact);

    private readonly Dictionary<long, DateOnly> _marriages = [];

    /// <summary>A 育龄妇女 record written outside the change tracker (an import's COPY) with her 结婚日期: her marriage fact.</summary>
    public void Married(long personId, DateOnly marriedOn) => _marriages[personId] = marriedOn;

    internal Dictionary<long, DateOnly> TakeMarriages()
    {
        var taken = new Dictionary<long, DateOnly>(_marriages);
        _marriages.Clear();
        return taken;
    }

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
