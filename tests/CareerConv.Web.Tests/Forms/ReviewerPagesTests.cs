using System.Net;
using System.Net.Http.Headers;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Links;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests.Forms;

public sealed class ReviewerPagesTests
{
    static readonly Dictionary<string, string> Meeting = new()
    {
        ["meetingDay"] = "20", ["meetingMonth"] = "10", ["meetingYear"] = "2026", ["meetingTime"] = "14:30", ["location"] = "Room 2.14",
    };

    static Task<WebApp> StartAsync() => WebApp.StartAsync(services =>
    {
        services.AddSingleton<IRecordUploads>(sp => new TestRecordUploads(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton<IRecordFormRenderer, TestRecordFormRenderer>();
    });

    static async Task ScheduleAsync(WebApp web)
    {
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));
        await PageForms.PostAsync(web.Client, page, Meeting);
        await web.WaitForIdleAsync();
    }

    static async Task<HttpResponseMessage> UploadAsync(WebApp web, string recordPage, byte[] file, string fileName = "signed.pdf")
    {
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in PageForms.HiddenFields(recordPage))
        {
            content.Add(new StringContent(value), key);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "recordFile", fileName);
        return await web.Client.PostAsync(PageForms.Action(recordPage), content);
    }

    [Fact]
    public async Task Meeting_Post_SchedulesInFacultyTimeZone()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));

        var response = await PageForms.PostAsync(web.Client, page, Meeting);
        await web.WaitForIdleAsync();
        var status = await web.StatusAsync(input.InstanceId);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(ConversationStage.AwaitingMeeting, status.Stage);
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 13, 30, 0, TimeSpan.Zero), status.MeetingAt);
        Assert.Equal("Room 2.14", status.MeetingLocation);
        Assert.Contains(web.Outbox.Sent, m => m.Message.Kind == MessageKind.MeetingConfirmed);
    }

    [Fact]
    public async Task Meeting_InvalidDate_Returns400AndLinksToField()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));
        var values = new Dictionary<string, string>(Meeting) { ["meetingDay"] = "31", ["meetingMonth"] = "2" };

        var response = await PageForms.PostAsync(web.Client, page, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"#meetingDay\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ConversationStage.MeetingScheduling, (await web.StatusAsync(input.InstanceId)).Stage);
    }

    [Fact]
    public async Task Meeting_SecondPost_RaisesNothing()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));
        await PageForms.PostAsync(web.Client, page, Meeting);
        await web.WaitForIdleAsync();
        var revision = (await web.StatusAsync(input.InstanceId)).ScheduleRevision;

        var moved = new Dictionary<string, string>(Meeting) { ["meetingDay"] = "27" };
        var replay = await PageForms.PostAsync(web.Client, page, moved);
        await web.WaitForIdleAsync();
        var status = await web.StatusAsync(input.InstanceId);

        Assert.Equal(HttpStatusCode.SeeOther, replay.StatusCode);
        Assert.Equal(revision, status.ScheduleRevision);
        Assert.Equal(20, status.MeetingAt!.Value.Day);
    }

    [Fact]
    public async Task Notes_AfterSend_ShowsTheNotes()
    {
        await using var web = await StartAsync();
        await web.StartConversationAsync();
        var staffPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff));
        await PageForms.PostAsync(web.Client, staffPage, new Dictionary<string, string>
        {
            ["selfAwareness"] = "Strong lab teaching.", ["context"] = "Growing department.",
            ["valuesAndAspirations"] = "Lead a team.", ["goalsAndPlans"] = "Fellowship course.", ["intent"] = "send",
        });
        await web.WaitForIdleAsync();

        var response = await web.Client.GetAsync(web.LinkFromLastMessage(MessageKind.NotesReady, ActorRole.Reviewer));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fellowship course.", html, StringComparison.Ordinal);
        Assert.Contains("Ask challenging questions", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Upload_MovesToHandoff()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        await ScheduleAsync(web);
        var recordLink = web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer).Replace("links/meeting", "links/record", StringComparison.Ordinal);
        var meetingPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));
        var recordPath = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(meetingPage, "href=\"(/links/record\\?[^\"]+)\"").Groups[1].Value);
        var recordPage = await web.Client.GetStringAsync(recordPath);

        var response = await UploadAsync(web, recordPage, Pdf.Sample(), "../S99999/record.pdf");
        await web.WaitForIdleAsync();
        var status = await web.StatusAsync(input.InstanceId);

        Assert.Equal(HttpStatusCode.Forbidden, (await web.Client.GetAsync(recordLink)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(ConversationStage.Handoff, status.Stage);
        Assert.Equal(1, status.RecordVersion);
        Assert.Equal($"records/{input.ConversationId}/1.pdf", status.RecordBlobName);
        var uploads = (TestRecordUploads)web.Services.GetRequiredService<IRecordUploads>();
        Assert.Equal("../S99999/record.pdf", uploads.Requests.Single().ClientFileName);
        Assert.Contains(web.Outbox.Sent, m => m.Message.Kind == MessageKind.HandoffRequest);
    }

    [Fact]
    public async Task Record_NotPdf_Returns422WithReason()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        await ScheduleAsync(web);
        var recordPage = await RecordPageAsync(web);

        var response = await UploadAsync(web, recordPage, "<html>no</html>"u8.ToArray());
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The file is not a PDF.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await web.StatusAsync(input.InstanceId)).RecordVersion);
    }

    [Fact]
    public async Task Record_OverLimit_Returns413StatingLimit()
    {
        await using var web = await StartAsync();
        await web.StartConversationAsync();
        await ScheduleAsync(web);
        var recordPage = await RecordPageAsync(web);

        var response = await UploadAsync(web, recordPage, new byte[(1024 * 1024) + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1 MB or less", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_SecondPost_StoresNothingMore()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        await ScheduleAsync(web);
        var recordPage = await RecordPageAsync(web);
        await UploadAsync(web, recordPage, Pdf.Sample());
        await web.WaitForIdleAsync();

        var replay = await UploadAsync(web, recordPage, Pdf.Sample());
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.SeeOther, replay.StatusCode);
        Assert.Equal(1, (await web.StatusAsync(input.InstanceId)).RecordVersion);
        Assert.Single(((TestRecordUploads)web.Services.GetRequiredService<IRecordUploads>()).Requests);
    }

    [Fact]
    public async Task RecordForm_Download_IsAttachmentPdf()
    {
        await using var web = await StartAsync();
        await web.StartConversationAsync();
        var recordPage = await RecordPageAsync(web);
        var formPath = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(recordPage, "href=\"(/links/record-form\\?[^\"]+)\"").Groups[1].Value);

        var response = await web.Client.GetAsync(formPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task RecordForm_AfterDownloadLifetime_Returns410()
    {
        await using var web = await StartAsync();
        await web.StartConversationAsync();
        var recordPage = await RecordPageAsync(web);
        var formPath = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(recordPage, "href=\"(/links/record-form\\?[^\"]+)\"").Groups[1].Value);

        await web.Clock.AdvanceByAsync(TimeSpan.FromMinutes(16));
        var response = await web.Client.GetAsync(formPath);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task Meeting_AfterReviewerChanged_Returns410()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer);
        var page = await web.Client.GetStringAsync(link);

        await web.Durable.RaiseEventAsync(input.InstanceId, ConversationEvents.ReviewerChanged, new ReviewerChangedEvent(
            "change-1", new Actor(ActorRole.Admin), new Person("Dr Grace Hopper", "g.hopper@example.ac.uk"), "Leave"));
        await web.WaitForIdleAsync();
        var get = await web.Client.GetAsync(link);
        var post = await PageForms.PostAsync(web.Client, page, Meeting);
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Contains("replaced", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Null((await web.StatusAsync(input.InstanceId)).MeetingAt);
    }

    static async Task<string> RecordPageAsync(WebApp web)
    {
        var meetingPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));
        var recordPath = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(meetingPage, "href=\"(/links/record\\?[^\"]+)\"").Groups[1].Value);
        return await web.Client.GetStringAsync(recordPath);
    }
}
