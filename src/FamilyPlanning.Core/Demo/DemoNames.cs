namespace FamilyPlanning.Core.Demo;

/// <summary>Name pools for the demo county: common surnames (most frequent first, drawn with falling weight) and given-name
/// characters typical of rural Shandong, by sex.</summary>
internal static class DemoNames
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "孙", "周", "吴", "徐", "马", "朱", "胡", "郭", "高", "林", "何", "郑", "梁",
         "宋", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢",
         "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石"];

    private static readonly string[] Male =
        ["伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩",
         "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国", "志", "海", "文", "东", "峰", "亮", "成", "振",
         "子", "轩", "博", "泽", "晨", "睿", "铭", "航", "嘉", "宏"];

    private static readonly string[] Female =
        ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "华", "慧", "巧", "美", "玉", "兰", "红", "梅", "琳", "燕",
         "彩", "春", "菊", "凤", "洁", "雪", "婷", "欣", "怡", "颖", "佳", "雨", "萱", "涵", "诗", "梓", "悦", "晴", "可", "心",
         "桂", "荣", "翠", "爱", "月", "莲", "珍", "淑", "云", "萍"];

    public static string Surname(Random rng)
    {
        // Zipf-like: the first surnames are far more common.
        var i = (int)(Surnames.Length * Math.Pow(rng.NextDouble(), 2.2));
        return Surnames[Math.Min(i, Surnames.Length - 1)];
    }

    public static string Given(Random rng, People.Sex sex)
    {
        var pool = sex == People.Sex.Male ? Male : Female;
        var first = pool[rng.Next(pool.Length)];
        return rng.NextDouble() < 0.25 ? first : first + pool[rng.Next(pool.Length)];
    }
}
