using System.Net;
using System.Text.RegularExpressions;

namespace CareerConv.Web.Tests.Forms;

/// <summary>Reads pages and posts their forms the way a browser would.</summary>
static partial class PageForms
{
    /// <summary>Returns the hidden fields of the first form on the page.</summary>
    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in HiddenInput().Matches(html))
        {
            fields.TryAdd(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value));
        }

        return fields;
    }

    /// <summary>Returns the decoded action of the first form on the page.</summary>
    public static string Action(string html) => WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);

    /// <summary>Posts the page's first form with its hidden fields and the given values.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string html, Dictionary<string, string> values)
    {
        var fields = HiddenFields(html);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(Action(html), content);
    }

    public static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
