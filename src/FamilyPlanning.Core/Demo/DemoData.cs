using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Demo;

/// <summary>The registers of the demo county, generated in memory with their ids, ready to be copied into PostgreSQL.</summary>
public sealed class DemoData
{
    public List<Household> Households { get; } = [];
    public List<Person> Persons { get; } = [];
    public List<Woman> Women { get; } = [];
    public List<Birth> Births { get; } = [];
    public List<ContraceptiveEvent> Events { get; } = [];
    public long MaxId { get; set; }

    public long Rows => Households.Count + Persons.Count + Women.Count + Births.Count + Events.Count;
}
