namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>The fields of the person form (create and edit) for a married male head of household, as a browser posts them.</summary>
public static class PersonForm
{
    public static Dictionary<string, string> Head(string name, string birth = "1980-01-01") => new()
    {
        ["Input.Name"] = name,
        ["Input.Sex"] = "Male",
        ["Input.BirthDate"] = birth,
        ["Input.Relation"] = "Head",
        ["Input.MaritalStatus"] = "FirstMarriage",
        ["Input.Residence"] = "Resident",
    };
}
