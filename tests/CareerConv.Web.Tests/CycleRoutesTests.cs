using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests;

public sealed class CycleRoutesTests
{
    const string ImportPath = "/api/admin/cycles/import?cycle=2026-autumn&faculty=SCI";

    static readonly string MessyRoster = string.Join("\r\n",
        "Person Number;Forename;Surname;Work Email;Department;Reviewer Email;Line Manager Email",
        "S0001;Zoë;O'Brien-Núñez;z.obrien@example.ac.uk;PHYS;a.lovelace@example.ac.uk;",
        "S0002;Siân;Llewelyn;s.llewelyn@example.ac.uk;chem;;",
        "s0001 ;Zoë;O'Brien-Núñez;Z.OBRIEN@EXAMPLE.AC.UK;PHYS;;",
        "S0004;Mary;Somerville;m.somerville@example.ac.uk;ASTRO;;",
        "S0005;Łukasz;Wróbel;l.wrobel@example.ac.uk;COMP;g.pryce@example.ac.uk;g.pryce@example.ac.uk",
        "");

    static HttpContent Csv(string text) => new ByteArrayContent([.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public async Task Import_MessyRoster_StartsValidRowsAndReportsTheRest()
    {
        await using var web = await WebApp.StartAsync();

        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, ImportPath, Csv(MessyRoster)));
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(3, report.GetProperty("accepted").GetInt32());
        Assert.Equal("semicolon", report.GetProperty("delimiter").GetString());
        var problems = report.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 4 && p.GetProperty("value").GetString() == "S0001");
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 5 && p.GetProperty("value").GetString() == "ASTRO");
        var client = web.Services.GetRequiredService<DurableTaskClient>();
        foreach (var staff in new[] { "S0001", "S0002", "S0005" })
        {
            var instance = await client.GetInstanceAsync($"2026-autumn:{staff}");
            Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        }

        Assert.Null(await client.GetInstanceAsync("2026-autumn:S0004"));
        var progress = await StatusAsync(web, response.Headers.Location!.OriginalString);
        Assert.Equal(3, progress.GetProperty("started").GetInt32());
        Assert.True(progress.GetProperty("finished").GetBoolean());
    }

    [Fact]
    public async Task Import_SameRosterTwiceAfterCompletionAndPurge_StartsNothingAgain()
    {
        await using var web = await WebApp.StartAsync();
        await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, ImportPath, Csv(MessyRoster)));
        await web.WaitForIdleAsync();
        var client = web.Services.GetRequiredService<DurableTaskClient>();
        await client.TerminateInstanceAsync("2026-autumn:S0002", "finished elsewhere");
        await web.WaitForIdleAsync();
        await client.PurgeInstanceAsync("2026-autumn:S0002");

        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, ImportPath, Csv(MessyRoster)));
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, report.GetProperty("alreadyStarted").GetInt32());
        Assert.Equal(0, report.GetProperty("toStart").GetInt32());
        Assert.Null(await client.GetInstanceAsync("2026-autumn:S0002"));
    }

    [Fact]
    public async Task Import_Strict_StartsNothingWhileAnyRowIsWrong()
    {
        await using var web = await WebApp.StartAsync();

        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, ImportPath + "&strict=true", Csv(MessyRoster)));
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Nothing was started", report.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        var client = web.Services.GetRequiredService<DurableTaskClient>();
        Assert.Null(await client.GetInstanceAsync("2026-autumn:S0001"));
    }

    [Theory]
    [InlineData("/api/admin/cycles/import?cycle=2026-autum&faculty=SCI", "2026-autumn")]
    [InlineData("/api/admin/cycles/import?cycle=2026-autumn&faculty=LAW", "SCI")]
    public async Task Import_UnknownCycleOrFaculty_Returns422NamingTheChoices(string path, string expected)
    {
        await using var web = await WebApp.StartAsync();

        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, path, Csv(MessyRoster)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NotACsv_Returns422WithTheReason()
    {
        await using var web = await WebApp.StartAsync();

        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, ImportPath, new ByteArrayContent([0x1F, 0x8B, 0x08, 0x00, 0x00])));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("CSV", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_AfterImport_CountsStagesOverdueAndReviewerLoad()
    {
        await using var web = await WebApp.StartAsync();
        await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, ImportPath, Csv(MessyRoster)));
        await web.WaitForIdleAsync();
        await web.Clock.AdvanceToAsync(new DateTimeOffset(2026, 10, 6, 9, 0, 0, TimeSpan.Zero));

        var progress = await StatusAsync(web, "/api/admin/cycles/progress?cycle=2026-autumn&faculty=SCI");
        var page = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Get, "/admin/progress?cycle=2026-autumn&faculty=SCI"));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(3, progress.GetProperty("conversations").GetInt32());
        Assert.Equal(2, progress.GetProperty("byStage").GetProperty("MeetingScheduling").GetInt32());
        Assert.Equal(1, progress.GetProperty("byStage").GetProperty("ReviewerAssignment").GetInt32());
        var overdue = progress.GetProperty("overdue").EnumerateArray().Single();
        Assert.Equal("S0002", overdue.GetProperty("staffNumber").GetString());
        Assert.Equal("ReviewerAssignment", overdue.GetProperty("deadline").GetString());
        Assert.Equal(2, progress.GetProperty("reviewers").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Siân Llewelyn", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_WithdrawThenTimeline_EndsAndRecordsTheReason()
    {
        await using var web = await WebApp.StartAsync();
        await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, ImportPath, Csv(MessyRoster)));
        await web.WaitForIdleAsync();

        var change = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, "/api/admin/conversations/changes",
            JsonContent.Create(new { cycle = "2026-autumn", staffNumber = "S0005", change = "Withdraw", reason = "Left the university" })));
        await web.WaitForIdleAsync();
        var timeline = await StatusAsync(web, "/api/admin/conversations/timeline?cycle=2026-autumn&staffNumber=S0005");
        var again = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, "/api/admin/conversations/changes",
            JsonContent.Create(new { cycle = "2026-autumn", staffNumber = "S0005", change = "Resume" })));

        Assert.Equal(HttpStatusCode.Accepted, change.StatusCode);
        Assert.Contains(timeline.GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("summary").GetString() == "Withdrawn: Left the university");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Change_MissingReason_Returns400()
    {
        await using var web = await WebApp.StartAsync();

        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Post, "/api/admin/conversations/changes",
            JsonContent.Create(new { cycle = "2026-autumn", staffNumber = "S0005", change = "Pause" })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reason", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    static async Task<JsonElement> StatusAsync(WebApp web, string path)
    {
        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
