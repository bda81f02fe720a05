using System.Text.Json;

namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>Figures as the indicator API gives them (the same the dashboard and the PDF show).</summary>
public static class IndicatorApi
{
    /// <summary>The total's indicators of one township (or <c>all</c>) for a period code.</summary>
    public static async Task<JsonElement> FiguresAsync(HttpClient client, string period, string township = Given.Longmen)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators?period={period}&township={township}")).RootElement;
        return json.GetProperty("total").GetProperty("indicators");
    }

    public static string Text(this JsonElement figures, string key) => figures.GetProperty(key).GetProperty("text").GetString()!;

    public static async Task<string> FigureAsync(HttpClient client, string period, string key, string township = Given.Longmen) =>
        (await FiguresAsync(client, period, township)).Text(key);
}
