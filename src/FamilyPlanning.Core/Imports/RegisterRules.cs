using FamilyPlanning.Core.Births;
using FamilyPlanning.Core.Contraception;
using FamilyPlanning.Core.People;

namespace FamilyPlanning.Core.Imports;

/// <summary>The rule objects of the registers, the same instances the pages' services use: an import checks a row with
/// exactly the rules a page checks a form with (a test replaces one and sees both answers change).</summary>
public sealed record RegisterRules(PersonRules Persons, WomanRules Women, BirthRules Births, ContraceptionRules Contraception);
