namespace FamilyPlanning.Core.Security;

public static class FpClaims
{
    public const string TownshipCode = "fp:township";
    public const string DisplayName = "fp:display_name";
}
