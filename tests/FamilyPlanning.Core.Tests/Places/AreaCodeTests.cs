using FamilyPlanning.Core.Demo;
using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Core.Tests.Places;

public class AreaCodeTests
{
    private const string County = "371426000000";

    [Theory]
    [InlineData("371426001000", TownshipKind.Subdistrict)]
    [InlineData("371426099000", TownshipKind.Subdistrict)]
    [InlineData("371426100000", TownshipKind.Town)]
    [InlineData("371426199000", TownshipKind.Town)]
    [InlineData("371426200000", TownshipKind.Township)]
    [InlineData("371426399000", TownshipKind.Township)]
    public void CheckTownship_ValidCode_KindFollowsTheRange(string code, TownshipKind kind)
    {
        Assert.Null(AreaCode.CheckTownship(code, County));
        Assert.Equal(kind, AreaCode.KindOfTownship(AreaCode.TownshipSegment(code)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("37142600100")]
    [InlineData("3714260010000")]
    [InlineData("37142600100a")]
    [InlineData("371426000000")]
    [InlineData("371426400000")]
    [InlineData("371426001001")]
    [InlineData("110105001000")]
    public void CheckTownship_InvalidCode_GivesAChineseMessage(string? code)
    {
        var message = AreaCode.CheckTownship(code, County);
        Assert.NotNull(message);
        Assert.StartsWith("乡镇代码", message);
    }

    [Theory]
    [InlineData("371426100001", VillageKind.Neighbourhood)]
    [InlineData("371426100199", VillageKind.Neighbourhood)]
    [InlineData("371426100200", VillageKind.Village)]
    [InlineData("371426100399", VillageKind.Village)]
    public void CheckVillage_ValidCode_KindFollowsTheRange(string code, VillageKind kind)
    {
        Assert.Null(AreaCode.CheckVillage(code, "371426100000"));
        Assert.Equal(kind, AreaCode.KindOfVillage(AreaCode.VillageSegment(code)));
    }

    [Theory]
    [InlineData("371426100000")]
    [InlineData("371426100400")]
    [InlineData("371426101201")]
    public void CheckVillage_InvalidCode_GivesAChineseMessage(string code) =>
        Assert.StartsWith("村（居）代码", AreaCode.CheckVillage(code, "371426100000"));

    [Fact]
    public void DemoCounty_HasAbout17TownshipsAnd300ValidVillages()
    {
        var county = DemoPlaces.Build();
        Assert.Equal(17, county.Townships.Count);
        var villages = county.Townships.SelectMany(t => t.Villages).ToList();
        Assert.InRange(villages.Count, 280, 320);
        Assert.All(county.Townships, t => Assert.Null(AreaCode.CheckTownship(t.Code, county.Code)));
        Assert.All(county.Townships, t => Assert.All(t.Villages, v => Assert.Null(AreaCode.CheckVillage(v.Code, t.Code))));
        Assert.Equal(villages.Count, villages.Select(v => v.Code).Distinct().Count());
        Assert.All(county.Townships, t => Assert.Equal(t.Villages.Count, t.Villages.Select(v => v.Name).Distinct().Count()));
    }

    [Fact]
    public void DemoCounty_IsTheSameEveryTime()
    {
        var a = DemoPlaces.Build().Townships.SelectMany(t => t.Villages).Select(v => v.Code + v.Name);
        var b = DemoPlaces.Build().Townships.SelectMany(t => t.Villages).Select(v => v.Code + v.Name);
        Assert.Equal(a, b);
    }
}
