using System.Net;
using System.Text.RegularExpressions;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests.Forms;

public sealed class HandoffAndDepartmentTests
{
    static Task<WebApp> StartAsync() => WebApp.StartAsync(services =>
        services.AddSingleton<IRecordUploads>(sp => new TestRecordUploads(sp.GetRequiredService<IDocumentStore>())));

    static string Href(string html, string path) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"href=\"(/{Regex.Escape(path)}\\?[^\"]+)\"").Groups[1].Value);

    static async Task UploadRecordAsync(WebApp web)
    {
        var meetingPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));
        await PageForms.PostAsync(web.Client, meetingPage, new Dictionary<string, string>
        {
            ["meetingDay"] = "20", ["meetingMonth"] = "10", ["meetingYear"] = "2026", ["meetingTime"] = "10:00", ["location"] = "Room 1",
        });
        await web.WaitForIdleAsync();
        var recordPage = await web.Client.GetStringAsync(Href(meetingPage, "links/record"));
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in PageForms.HiddenFields(recordPage))
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent(Pdf.Sample()), "recordFile", "signed.pdf");
        await web.Client.PostAsync(PageForms.Action(recordPage), content);
        await web.WaitForIdleAsync();
    }

    [Fact]
    public async Task Handoff_Get_ShowsWhatToRecord()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        await UploadRecordAsync(web);

        var response = await web.Client.GetAsync(web.LinkFromLastMessage(MessageKind.HandoffRequest, ActorRole.Coordinator));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageForms.AssertSecurityHeaders(response);
        Assert.Contains(input.Staff.StaffNumber, html, StringComparison.Ordinal);
        Assert.Contains("20 October 2026", html, StringComparison.Ordinal);
        Assert.Contains("CareerConversation", html, StringComparison.Ordinal);
        Assert.DoesNotContain(input.InstanceId, html, StringComparison.Ordinal);
        Assert.Equal(ConversationStage.Handoff, (await web.StatusAsync(input.InstanceId)).Stage);
    }

    [Fact]
    public async Task Handoff_WithoutConfirmation_Returns400()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        await UploadRecordAsync(web);
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.HandoffRequest, ActorRole.Coordinator));

        var response = await PageForms.PostAsync(web.Client, page, []);
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ConversationStage.Handoff, (await web.StatusAsync(input.InstanceId)).Stage);
    }

    [Fact]
    public async Task Handoff_Confirm_CompletesAndStaffCanDownloadRecord()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        await UploadRecordAsync(web);
        var handoffLink = web.LinkFromLastMessage(MessageKind.HandoffRequest, ActorRole.Coordinator);
        var page = await web.Client.GetStringAsync(handoffLink);

        var response = await PageForms.PostAsync(web.Client, page, new Dictionary<string, string> { ["recorded"] = "yes" });
        await web.WaitForIdleAsync();
        var replay = await PageForms.PostAsync(web.Client, page, new Dictionary<string, string> { ["recorded"] = "yes" });
        var recordView = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.Completion, ActorRole.Staff));
        var download = await web.Client.GetAsync(Href(recordView, "links/download"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ConversationStage.Completed, (await web.StatusAsync(input.InstanceId)).Stage);
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Contains("This conversation is closed", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("iTrent", recordView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("%PDF-", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_Get_ListsOnlyStaffWithoutReviewer()
    {
        await using var web = await StartAsync();
        await web.StartConversationAsync("S0001", withReviewer: false);
        await web.StartConversationAsync("S0002", withReviewer: true);
        await web.StartConversationAsync("S0003", withReviewer: false, department: "CHEM");

        var response = await web.Client.GetAsync(web.LinkFromLastMessage(MessageKind.ReviewerRequest, ActorRole.HeadOfDepartment));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Regex.Matches(html, "<legend class=\"legend\">Reviewer for"));
    }

    [Fact]
    public async Task Department_Link_IsDepartmentScoped()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync("S0001", withReviewer: false);

        var link = web.LinkFromLastMessage(MessageKind.ReviewerRequest, ActorRole.HeadOfDepartment);

        Assert.StartsWith("/links/department?t=", link, StringComparison.Ordinal);
        Assert.DoesNotContain(input.ConversationId, System.Text.Encoding.UTF8.GetString(
            System.Buffers.Text.Base64Url.DecodeFromChars(Uri.UnescapeDataString(link.Split("t=")[1]).Split('.')[1])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_Assign_RaisesReviewerAssignedPerRow()
    {
        await using var web = await StartAsync();
        var first = await web.StartConversationAsync("S0001", withReviewer: false);
        var second = await web.StartConversationAsync("S0002", withReviewer: false);
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.ReviewerRequest, ActorRole.HeadOfDepartment));

        var response = await PageForms.PostAsync(web.Client, page, new Dictionary<string, string>
        {
            [$"name-{first.ConversationId}"] = "Dr Ada Lovelace", [$"email-{first.ConversationId}"] = "a.lovelace@example.ac.uk",
            [$"name-{second.ConversationId}"] = "Dr Grace Hopper", [$"email-{second.ConversationId}"] = "g.hopper@example.ac.uk",
        });
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("a.lovelace@example.ac.uk", (await web.StatusAsync(first.InstanceId)).Reviewer!.Email);
        Assert.Equal(ConversationStage.MeetingScheduling, (await web.StatusAsync(second.InstanceId)).Stage);
    }

    [Fact]
    public async Task Department_OverCap_WarnsUntilConfirmed()
    {
        await using var web = await StartAsync();
        var waiting = new List<ConversationInput>();
        for (var i = 1; i <= 9; i++)
        {
            waiting.Add(await web.StartConversationAsync($"S00{i:00}", withReviewer: false));
        }

        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.ReviewerRequest, ActorRole.HeadOfDepartment));
        var rows = waiting.SelectMany(w => new[]
        {
            KeyValuePair.Create($"name-{w.ConversationId}", "Dr Ada Lovelace"),
            KeyValuePair.Create($"email-{w.ConversationId}", "a.lovelace@example.ac.uk"),
        }).ToDictionary();

        var warned = await PageForms.PostAsync(web.Client, page, rows);
        var warning = await warned.Content.ReadAsStringAsync();
        await web.WaitForIdleAsync();
        var stageAfterWarning = (await web.StatusAsync(waiting[0].InstanceId)).Stage;
        rows["confirmOverCap"] = "yes";
        var confirmed = await PageForms.PostAsync(web.Client, warning, rows);
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("would hold 9 conversations; the department&#x27;s limit is 8", warning, StringComparison.Ordinal);
        Assert.Equal(ConversationStage.ReviewerAssignment, stageAfterWarning);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal(ConversationStage.MeetingScheduling, (await web.StatusAsync(waiting[8].InstanceId)).Stage);
    }

    [Fact]
    public async Task FreshLink_KnownAndUnknownAddress_SameAnswer()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        var before = web.Outbox.Sent.Count;

        var known = await PostFreshAsync(web, input.Staff.Email);
        var unknown = await PostFreshAsync(web, "nobody@example.ac.uk");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(
            (await known.Content.ReadAsStringAsync()).Replace(input.Staff.Email, "", StringComparison.Ordinal),
            (await unknown.Content.ReadAsStringAsync()).Replace("nobody@example.ac.uk", "", StringComparison.Ordinal));
        var fresh = web.Outbox.Sent.Skip(before).Single().Message;
        Assert.Equal(MessageKind.FreshLink, fresh.Kind);
        Assert.Equal(input.Staff.Email, fresh.To.Single().Person.Email);
        Assert.Equal(HttpStatusCode.OK, (await web.Client.GetAsync(web.LinkFromLastMessage(MessageKind.FreshLink, ActorRole.Staff))).StatusCode);
    }

    [Fact]
    public async Task FreshLink_ManyRequestsFromOneClient_Returns429()
    {
        await using var web = await StartAsync();
        HttpResponseMessage last = new(HttpStatusCode.OK);

        for (var i = 0; i <= 10; i++)
        {
            last = await PostFreshAsync(web, $"person{i}@example.ac.uk");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
    }

    static async Task<HttpResponseMessage> PostFreshAsync(WebApp web, string email)
    {
        var page = await web.Client.GetStringAsync("/links/fresh");
        return await PageForms.PostAsync(web.Client, page, new Dictionary<string, string> { ["email"] = email });
    }
}
