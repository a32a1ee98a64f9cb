using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests;

public sealed class ITrentRoutesTests
{
    static readonly Actor Reviewer = new(ActorRole.Reviewer, "a.lovelace@example.ac.uk");

    [Fact]
    public async Task Export_CompletedAndUnrecorded_ListsEachOnce()
    {
        await using var web = await WebApp.StartAsync();
        var done = await web.StartConversationAsync("S0001");
        var waiting = await web.StartConversationAsync("S0002");
        var meetingAt = new DateTimeOffset(2026, 10, 20, 13, 0, 0, TimeSpan.Zero);
        foreach (var input in new[] { done, waiting })
        {
            await web.Durable.RaiseEventAsync(input.InstanceId, ConversationEvents.MeetingScheduled,
                new MeetingScheduledEvent("m-" + input.Staff.StaffNumber, Reviewer, meetingAt, "Room 2.14"));
        }

        await web.Clock.AdvanceToAsync(meetingAt.AddHours(2));
        var stored = await web.Services.GetRequiredService<IDocumentStore>()
            .SaveAsync(DocumentKind.Record, done.ConversationId, 1, new MemoryStream("%PDF-1.7 record"u8.ToArray()));
        await web.Durable.RaiseEventAsync(done.InstanceId, ConversationEvents.RecordUploaded,
            new RecordUploadedEvent("r1", Reviewer, stored.BlobName, stored.Sha256, stored.SizeBytes, 1));
        await web.Durable.RaiseEventAsync(done.InstanceId, ConversationEvents.HandoffConfirmed,
            new HandoffConfirmedEvent("h1", new Actor(ActorRole.Coordinator, "g.pryce@example.ac.uk")));
        await web.WaitForIdleAsync();

        var csv = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Get, "/api/admin/cycles/itrent?cycle=2026-autumn&faculty=SCI"));
        var text = await csv.Content.ReadAsStringAsync();
        var unrecorded = await (await web.Client.SendAsync(WebApp.Admin(HttpMethod.Get, "/api/admin/cycles/unrecorded?cycle=2026-autumn&faculty=SCI")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var link = new Uri(lines[1].Split(',')[^1]);
        var record = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Get, link.PathAndQuery));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("Person Reference,Name,Date Occurred,Review Type,Record Link", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("S0001,Zoë O'Brien-Núñez,20/10/2026,CareerConversation,", lines[1], StringComparison.Ordinal);
        Assert.Equal("S0002", unrecorded.EnumerateArray().Single().GetProperty("staffNumber").GetString());
        Assert.Equal("RecordUpload", unrecorded[0].GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Equal("%PDF-1.7 record", await record.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", record.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Record_NothingUploaded_Returns404()
    {
        await using var web = await WebApp.StartAsync();
        await web.StartConversationAsync("S0003");

        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Get, "/api/admin/conversations/record?cycle=2026-autumn&staffNumber=S0003"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
