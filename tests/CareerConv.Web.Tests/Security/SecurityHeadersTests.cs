using System.Net;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Links;
using CareerConv.Web.Routing;
using CareerConv.Web.Tests.Forms;

namespace CareerConv.Web.Tests.Security;

/// <summary>
/// Every route of <see cref="WebRoutes"/> responds with the security headers, whether it succeeds or
/// fails: with a valid link or the admin key, with a bad token or no key, and for paths and methods
/// that match no route.
/// </summary>
public sealed class SecurityHeadersTests
{
    public static TheoryData<string> RouteNames() => [.. WebRoutes.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task Route_EveryResponse_CarriesSecurityHeaders(string name)
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var route = WebRoutes.Get(name);
        var responses = new List<(string Case, HttpResponseMessage Response)>();

        foreach (var (label, path, admin) in Requests(web, route, input))
        {
            using var request = admin
                ? WebApp.Admin(new HttpMethod(route.Method), path, Body(route))
                : new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = Body(route) };
            responses.Add((label, await web.Client.SendAsync(request)));
        }

        foreach (var (label, response) in responses)
        {
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{name} {label}: no Content-Security-Policy.");
            PageForms.AssertSecurityHeaders(response);
        }
    }

    [Theory]
    [InlineData("GET", "/links/no-such-page")]
    [InlineData("GET", "/")]
    [InlineData("DELETE", "/links/reflection")]
    [InlineData("PUT", "/api/admin/conversations")]
    [InlineData("GET", "/api/admin/conversations")]
    public async Task UnmatchedRequest_ErrorResponse_CarriesSecurityHeaders(string method, string path)
    {
        await using var web = await WebApp.StartAsync();

        var response = await web.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.True((int)response.StatusCode is 404 or 405, $"{method} {path} gave {(int)response.StatusCode}.");
        PageForms.AssertSecurityHeaders(response);
    }

    /// <summary>The requests sent to one route: well-formed where possible, and rejected ones.</summary>
    static IEnumerable<(string Label, string Path, bool Admin)> Requests(WebApp web, WebRoute route, ConversationInput input)
    {
        var path = "/" + route.Template;
        if (route.Access == RouteAccess.Admin)
        {
            yield return ("with key", path + "?cycle=2026-autumn&staffNumber=S0042", true);
            yield return ("without key", path, false);
            yield break;
        }

        yield return ("no token", path, false);
        yield return ("bad token", path + "?t=abc.def.ghi", false);
        if (ActionOf(route.Template) is { } action)
        {
            var role = action is LinkAction.AssignReviewers ? ActorRole.HeadOfDepartment
                : action is LinkAction.Reflection or LinkAction.RecordView or LinkAction.DownloadRecord ? ActorRole.Staff
                : action is LinkAction.Handoff ? ActorRole.Coordinator
                : ActorRole.Reviewer;
            var scope = role == ActorRole.HeadOfDepartment
                ? LinkScope.ForDepartment(new DepartmentScope("2026-autumn", "SCI", "PHYS"))
                : LinkScope.ForConversation(input.ConversationId);
            var claims = new LinkClaims(scope, role, action, 1, web.Clock.GetUtcNow().AddDays(5));
            yield return ("valid token", web.PathFor(claims), false);
            yield return ("expired token", web.PathFor(claims with { ExpiresAt = web.Clock.GetUtcNow().AddDays(-1) }), false);
        }
    }

    static LinkAction? ActionOf(string template) =>
        Enum.GetValues<LinkAction>().Cast<LinkAction?>().FirstOrDefault(a => LinkPaths.For(a!.Value) == template);

    static HttpContent? Body(WebRoute route) =>
        route.Method == "POST" ? new FormUrlEncodedContent([KeyValuePair.Create("intent", "send")]) : null;
}
