using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FamilyPlanning.Web.Tests.Infrastructure;

/// <summary>Posts forms the way a browser does: GET the page, take the antiforgery token from the form, POST.</summary>
public static class Forms
{
    public static async Task<IHtmlDocument> GetHtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs <paramref name="pageUrl"/>, then posts the given fields (plus its token) to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields,
        string? action = null)
    {
        var page = await GetHtmlAsync(client, pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no antiforgery token on {pageUrl}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(body));
    }

    /// <summary>
    /// Submits a form the way a browser does: GETs <paramref name="pageUrl"/>, finds the post form (or submit button) whose
    /// action names <paramref name="handler"/>, and posts the fields with the page's token to that action as rendered.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string handler,
        Dictionary<string, string> fields)
    {
        var page = await GetHtmlAsync(client, pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no antiforgery token on {pageUrl}");
        var actions = page.QuerySelectorAll("form[method=post], form[method=POST]")
            .SelectMany(f => new[] { f.GetAttribute("action") }.Concat(f.QuerySelectorAll("[formaction]").Select(b => b.GetAttribute("formaction"))))
            .Select(a => string.IsNullOrEmpty(a) ? pageUrl : System.Net.WebUtility.HtmlDecode(a));
        var action = actions.FirstOrDefault(a => Microsoft.AspNetCore.WebUtilities.QueryHelpers
                .ParseQuery(a.Contains('?') ? a[a.IndexOf('?')..] : "").TryGetValue("handler", out var h) && h == handler)
            ?? throw new InvalidOperationException($"no form on {pageUrl} posts to handler {handler}");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action, new FormUrlEncodedContent(body));
    }

    /// <summary>GETs <paramref name="pageUrl"/>, then posts a multipart form with its token, the fields and one file.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields,
        string fileField, string fileName, byte[] content)
    {
        var page = await GetHtmlAsync(client, pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no antiforgery token on {pageUrl}");
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) body.Add(new StringContent(v), k);
        body.Add(new ByteArrayContent(content), fileField, fileName);
        return await client.PostAsync(pageUrl, body);
    }

    public static string Text(this IHtmlDocument doc, string selector) =>
        doc.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"no {selector}");
}
