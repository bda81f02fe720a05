namespace FamilyPlanning.Core.Security;

/// <summary>Named authorization policies and the roles each admits. The web layer registers them; pages name them.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string CountyRead = "CountyRead";
    public const string CountyReview = "CountyReview";
    public const string Registers = "Registers";
    public const string Reports = "Reports";
    public const string Indicators = "Indicators";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        // Dashboards and county-wide reading.
        [CountyRead] = [Roles.CountyStaff, Roles.Official],
        // Approve / return / reopen monthly reports, set targets.
        [CountyReview] = [Roles.CountyStaff],
        // Register pages: clerks write their own township; county staff read every township.
        [Registers] = [Roles.TownshipClerk, Roles.CountyStaff],
        // Half-year summaries: officials and county staff for the county, clerks for their own township.
        [Reports] = [Roles.Official, Roles.CountyStaff, Roles.TownshipClerk],
        // Dashboards and the indicator API: the county for every township, a clerk for their own.
        [Indicators] = [Roles.CountyStaff, Roles.Official, Roles.TownshipClerk],
    };
}
