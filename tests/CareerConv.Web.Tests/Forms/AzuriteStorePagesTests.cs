using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CareerConv.Infrastructure.Documents;
using CareerConv.Infrastructure.Stores;
using CareerConv.Orchestrations.Contracts;
using Microsoft.Extensions.Configuration;

namespace CareerConv.Web.Tests.Forms;

/// <summary>
/// The link pages with the durable stores on the Azurite that scripts/test.sh starts: notes, drafts
/// and records in Blob storage, the directory and timeline in Table storage, and the real upload
/// checks and record form.
/// </summary>
public sealed class AzuriteStorePagesTests
{
    static Task<WebApp> StartAsync()
    {
        using (var probe = new TcpClient())
        {
            probe.Connect("127.0.0.1", 10000);
        }

        var storage = new Dictionary<string, string?> { ["CareerConv:Storage:NamePrefix"] = "t" + Guid.NewGuid().ToString("N")[..12] };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage).Build();
        return WebApp.StartAsync(
            services =>
            {
                services.AddCareerConvDurableStores(configuration);
                services.AddCareerConvDocuments(configuration);
            },
            settings: storage);
    }

    static string Href(string html, string path) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"href=\"(/{Regex.Escape(path)}\\?[^\"]+)\"").Groups[1].Value);

    [Fact]
    public async Task WholeConversation_OnAzurite_StoresAndServesEveryDocument()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();

        // Staff: save a draft, then send the notes.
        var reflection = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var notes = new Dictionary<string, string>
        {
            ["selfAwareness"] = "Zoë's labs run well; <script>alert(1)</script> stays text.",
            ["context"] = "The department is growing.",
            ["valuesAndAspirations"] = "Teaching and leading.",
            ["goalsAndPlans"] = "Take the teaching fellowship course.",
        };
        await PageForms.PostAsync(web.Client, await web.Client.GetStringAsync(reflection), new(notes) { ["intent"] = "save" });
        var draft = await web.Client.GetStringAsync(reflection);
        await PageForms.PostAsync(web.Client, draft, new(notes) { ["intent"] = "send" });
        await web.WaitForIdleAsync();
        var notesPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.NotesReady, ActorRole.Reviewer));

        // Reviewer: set the meeting, let it pass, download the record form and upload it signed.
        var meetingPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));
        await PageForms.PostAsync(web.Client, meetingPage, new Dictionary<string, string>
        {
            ["meetingDay"] = "20", ["meetingMonth"] = "10", ["meetingYear"] = "2026", ["meetingTime"] = "10:00", ["location"] = "Room 1",
        });
        await web.WaitForIdleAsync();
        await web.Clock.AdvanceToAsync(new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero));
        var recordPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.RecordRequest, ActorRole.Reviewer));
        var form = await web.Client.GetByteArrayAsync(Href(recordPage, "links/record-form"));
        using var upload = new MultipartFormDataContent();
        foreach (var (key, value) in PageForms.HiddenFields(recordPage))
        {
            upload.Add(new StringContent(value), key);
        }

        upload.Add(new ByteArrayContent(form), "recordFile", "../S99999/signed.pdf");
        var uploaded = await web.Client.PostAsync(PageForms.Action(recordPage), upload);
        await web.WaitForIdleAsync();

        // Coordinator: record it in iTrent; the staff member then downloads the same bytes.
        var handoff = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.HandoffRequest, ActorRole.Coordinator));
        await PageForms.PostAsync(web.Client, handoff, new Dictionary<string, string> { ["recorded"] = "yes" });
        await web.WaitForIdleAsync();
        var status = await web.StatusAsync(input.InstanceId);
        var myRecord = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.Completion, ActorRole.Staff));
        var download = await web.Client.GetByteArrayAsync(Href(myRecord, "links/download"));

        Assert.Contains("Teaching and leading.", draft, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", notesPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, uploaded.StatusCode);
        Assert.StartsWith("SCI/2026-autumn/S0042/", status.RecordBlobName, StringComparison.Ordinal);
        Assert.Equal(ConversationStage.Completed, status.Stage);
        Assert.Equal(SHA256.HashData(form), SHA256.HashData(download));
    }

    [Fact]
    public async Task DepartmentAndFreshLink_OnAzurite_Work()
    {
        await using var web = await StartAsync();
        var first = await web.StartConversationAsync("S0001", withReviewer: false);
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.ReviewerRequest, ActorRole.HeadOfDepartment));

        var assigned = await PageForms.PostAsync(web.Client, page, new Dictionary<string, string>
        {
            [$"name-{first.ConversationId}"] = "Dr Ada Lovelace", [$"email-{first.ConversationId}"] = "a.lovelace@example.ac.uk",
        });
        await web.WaitForIdleAsync();
        var freshPage = await web.Client.GetStringAsync("/links/fresh");
        var fresh = await PageForms.PostAsync(web.Client, freshPage, new Dictionary<string, string> { ["email"] = first.Staff.Email });

        Assert.Equal(HttpStatusCode.SeeOther, assigned.StatusCode);
        Assert.Equal("a.lovelace@example.ac.uk", (await web.StatusAsync(first.InstanceId)).Reviewer!.Email);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Client.GetAsync(web.LinkFromLastMessage(MessageKind.FreshLink, ActorRole.Staff))).StatusCode);
    }
}
