using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerConv.Web.Hosting;

namespace CareerConv.Web.Tests;

public sealed class AdminRoutesTests
{
    const string StartPath = "/api/admin/conversations";

    static object StartBody(string staffNumber = "S0042", string faculty = "SCI", string department = "PHYS") => new
    {
        cycle = "2026-Autumn",
        faculty,
        department,
        staff = new { staffNumber, name = "Zoë O'Brien-Núñez", email = "z.obrien@example.ac.uk" },
        reviewer = new { name = "Dr Ada Lovelace", email = "a.lovelace@example.ac.uk" },
    };

    [Fact]
    public async Task Start_WithoutAdminKey_Returns401WithSecurityHeaders()
    {
        await using var web = await WebApp.StartAsync();

        var response = await web.Client.PostAsJsonAsync(StartPath, StartBody());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Start_WrongAdminKey_Returns401()
    {
        await using var web = await WebApp.StartAsync();

        using var request = Post(StartBody(), key: WebApp.Key + "x");
        var response = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_ValidRequest_StartsConversationAndStatusShowsStage()
    {
        await using var web = await WebApp.StartAsync();

        using var request = Post(StartBody());
        var response = await web.Client.SendAsync(request);
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        AssertSecurityHeaders(response);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-autumn:S0042", started.GetProperty("instanceId").GetString());
        var statusUrl = started.GetProperty("statusUrl").GetString()!;
        Assert.Equal(statusUrl, response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("runtime/webhooks", statusUrl, StringComparison.OrdinalIgnoreCase);

        using var statusRequest = new HttpRequestMessage(HttpMethod.Get, statusUrl);
        statusRequest.Headers.Add(AdminKey.HeaderName, WebApp.Key);
        var status = await web.Client.SendAsync(statusRequest);
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("Running", body.GetProperty("runtimeStatus").GetString());
        Assert.Equal("MeetingScheduling", body.GetProperty("status").GetProperty("stage").GetString());
        Assert.Equal("Open", body.GetProperty("status").GetProperty("reflection").GetString());
    }

    [Fact]
    public async Task Start_SameStaffTwice_Returns409()
    {
        await using var web = await WebApp.StartAsync();
        using var first = Post(StartBody());
        await web.Client.SendAsync(first);

        using var second = Post(StartBody());
        var response = await web.Client.SendAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("S0042", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidFields_Returns400NamingEachField()
    {
        await using var web = await WebApp.StartAsync();
        var body = new
        {
            cycle = "autumn:2026",
            faculty = "SCI",
            department = "PHYS",
            staff = new { staffNumber = "", name = "A", email = "not-an-address" },
        };

        using var request = Post(body);
        var response = await web.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("cycle", out _));
        Assert.True(errors.TryGetProperty("staff.staffNumber", out _));
        Assert.Contains("not-an-address", errors.GetProperty("staff.email")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownFaculty_Returns422ListingKnownOnes()
    {
        await using var web = await WebApp.StartAsync();

        using var request = Post(StartBody(faculty: "LAW"));
        var response = await web.Client.SendAsync(request);
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("LAW", problem, StringComparison.Ordinal);
        Assert.Contains("SCI", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BodyOverLimit_Returns413()
    {
        await using var web = await WebApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, StartPath)
        {
            Content = new StringContent(new string(' ', 70 * 1024) + "{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(AdminKey.HeaderName, WebApp.Key);

        var response = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Start_MalformedJson_Returns400()
    {
        await using var web = await WebApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, StartPath)
        {
            Content = new StringContent("{\"cycle\": ", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(AdminKey.HeaderName, WebApp.Key);

        var response = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Status_UnknownConversation_Returns404()
    {
        await using var web = await WebApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/conversations/status?cycle=2026-autumn&staffNumber=NOPE1");
        request.Headers.Add(AdminKey.HeaderName, WebApp.Key);

        var response = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    static HttpRequestMessage Post(object body, string key = WebApp.Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, StartPath) { Content = JsonContent.Create(body) };
        request.Headers.Add(AdminKey.HeaderName, key);
        return request;
    }

    static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
