using FamilyPlanning.Core.Places;

namespace FamilyPlanning.Core.Demo;

/// <summary>
/// The demo county's org tree: 平原县 (371426) with 2 街道, 9 镇 and 6 乡 and about 300 villages, names made
/// deterministically from common village-name patterns. The township names are invented for the demo.
/// </summary>
public static class DemoPlaces
{
    public const string CountyCode = "371426000000";
    public const string CountyName = "平原县";

    private static readonly (int segment, string name, int villages)[] TownshipList =
    [
        (1, "龙门街道", 9), (2, "桃园街道", 8),
        (100, "王凤楼镇", 22), (101, "前曹镇", 20), (102, "恩城镇", 21), (103, "王庙镇", 19), (104, "王杲铺镇", 20),
        (105, "张华镇", 18), (106, "腰站镇", 19), (107, "坊子镇", 18), (108, "三唐镇", 17),
        (200, "王打卦乡", 17), (201, "魏庄乡", 16), (202, "黄集乡", 16), (203, "马腰乡", 15), (204, "辛店乡", 15),
        (205, "田庄乡", 14),
    ];

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
         "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余"];

    private static readonly string[] VillageSuffixes = ["庄", "家庄", "屯", "集", "店", "营", "楼", "寨", "庙", "洼", "官屯", "家"];
    private static readonly string[] Directions = ["", "", "", "东", "西", "南", "北", "前", "后", "大", "小"];
    private static readonly string[] Neighbourhoods = ["城东社区", "城西社区", "新华社区", "文化社区", "光明社区", "幸福社区",
        "建设社区", "人民社区", "胜利社区", "和平社区", "育才社区", "振兴社区"];

    public static County Build()
    {
        var county = new County { Code = CountyCode, Name = CountyName };
        var rng = new Random(371426);
        var usedNames = new HashSet<string>();
        foreach (var (segment, name, villageCount) in TownshipList)
        {
            var code = CountyCode[..6] + segment.ToString("D3") + "000";
            var township = new Township
            {
                Code = code,
                Name = name,
                CountyCode = CountyCode,
                Kind = AreaCode.KindOfTownship(segment)!.Value,
            };
            // 街道 are made of 居委会; a 镇 has one or two 居委会 at its seat, the rest are 村委会.
            var neighbourhoods = township.Kind == TownshipKind.Subdistrict ? villageCount
                : township.Kind == TownshipKind.Town ? 2 : 0;
            for (var i = 0; i < villageCount; i++)
            {
                var isNeighbourhood = i < neighbourhoods;
                var villageSegment = isNeighbourhood ? i + 1 : 200 + (i - neighbourhoods) + 1;
                string villageName;
                do
                {
                    villageName = isNeighbourhood
                        ? (township.Kind == TownshipKind.Subdistrict ? Neighbourhoods[rng.Next(Neighbourhoods.Length)]
                            : name[..^1] + (i == 0 ? "东街社区" : "西街社区"))
                        : Directions[rng.Next(Directions.Length)] + Surnames[rng.Next(Surnames.Length)]
                          + VillageSuffixes[rng.Next(VillageSuffixes.Length)] + "村";
                } while (!usedNames.Add(code + villageName));
                township.Villages.Add(new Village
                {
                    Code = code[..9] + villageSegment.ToString("D3"),
                    Name = isNeighbourhood ? villageName + "居委会" : villageName + "委会",
                    Kind = isNeighbourhood ? VillageKind.Neighbourhood : VillageKind.Village,
                    TownshipCode = code,
                });
            }
            county.Townships.Add(township);
        }
        return county;
    }
}
