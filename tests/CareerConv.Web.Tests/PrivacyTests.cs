using System.IO.Compression;
using System.Net;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Privacy;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests;

public sealed class PrivacyTests
{
    static readonly Actor Admin = new(ActorRole.Admin, "hr.admin@example.ac.uk");

    [Fact]
    public async Task Retention_FinishedConversationPastThePeriod_IsErasedAndRunningOneKept()
    {
        await using var web = await WebApp.StartAsync();
        var finished = await web.StartConversationAsync("S0001");
        var running = await web.StartConversationAsync("S0002");
        await web.Services.GetRequiredService<IDocumentStore>()
            .SaveAsync(DocumentKind.Notes, finished.ConversationId, 1, new MemoryStream("{}"u8.ToArray()));
        await web.Durable.RaiseEventAsync(finished.InstanceId, ConversationEvents.Withdrawn, new WithdrawnEvent("w1", Admin, "Left"));
        await web.WaitForIdleAsync();
        var purge = web.Services.GetRequiredService<RetentionPurge>();

        var early = await purge.PurgeAsync(web.Durable);
        // The engine stamps LastUpdatedAt with the machine's clock, which is ahead of this test's virtual
        // start, so the clock moves well past the machine's date plus the retention period.
        await web.Clock.AdvanceToAsync(DateTimeOffset.UtcNow.AddDays(731));
        var late = await purge.PurgeAsync(web.Durable);

        Assert.Equal(0, early.Conversations);
        Assert.Equal(1, late.Conversations);
        Assert.True(late.Items >= 2);
        Assert.Null(await web.Durable.GetInstanceAsync(finished.InstanceId));
        Assert.NotNull(await web.Durable.GetInstanceAsync(running.InstanceId));
        Assert.Empty(await web.Services.GetRequiredService<ITimelineStore>().ReadAsync(finished.InstanceId));
        Assert.NotEmpty(await web.Services.GetRequiredService<ITimelineStore>().ReadAsync(running.InstanceId));
        Assert.Null(await web.Services.GetRequiredService<IDocumentStore>().OpenAsync($"notes/{finished.ConversationId}/1.json"));
        Assert.Null(await web.Services.GetRequiredService<IConversationDirectory>().FindInstanceIdAsync(finished.ConversationId));
    }

    [Fact]
    public async Task SubjectAccess_StaffWithNotes_ExportsConversationTimelineAndNotes()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync("S0007");
        var notes = await web.Services.GetRequiredService<IDocumentStore>()
            .SaveAsync(DocumentKind.Notes, input.ConversationId, 1, new MemoryStream("{\"selfAwareness\":\"Doing well\"}"u8.ToArray()));
        await web.Durable.RaiseEventAsync(input.InstanceId, ConversationEvents.ReflectionSubmitted,
            new ReflectionSubmittedEvent("n1", new Actor(ActorRole.Staff, input.Staff.Email), notes.BlobName, notes.Sha256));
        await web.WaitForIdleAsync();

        var response = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Get, "/api/admin/staff/export?staffNumber=s0007"));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var missing = await web.Client.SendAsync(WebApp.Admin(HttpMethod.Get, "/api/admin/staff/export?staffNumber=S9999"));
        var unauthorised = await web.Client.GetAsync(new Uri("/api/admin/staff/export?staffNumber=S0007", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["2026-autumn/conversation.json", "2026-autumn/notes.json", "2026-autumn/timeline.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("2026-autumn/notes.json")!.Open());
        Assert.Equal("{\"selfAwareness\":\"Doing well\"}", await reader.ReadToEndAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }
}
