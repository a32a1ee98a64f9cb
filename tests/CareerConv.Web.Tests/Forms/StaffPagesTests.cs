using System.Net;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Links;

namespace CareerConv.Web.Tests.Forms;

public sealed class StaffPagesTests
{
    static Dictionary<string, string> Notes(string intent) => new()
    {
        ["selfAwareness"] = "I run the first-year labs well; student feedback shows it.",
        ["context"] = "The department is growing and my discipline is changing.",
        ["valuesAndAspirations"] = "I want to teach and to lead a small team.",
        ["goalsAndPlans"] = "Take the teaching fellowship course this year.",
        ["intent"] = intent,
    };

    [Fact]
    public async Task Reflection_Get_Returns200AndChangesNothing()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var before = await web.StatusAsync(input.InstanceId);
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);

        var response = await web.Client.GetAsync(link);
        var html = await response.Content.ReadAsStringAsync();
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PageForms.AssertSecurityHeaders(response);
        Assert.Contains("Send to my reviewer", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"label\" for=\"selfAwareness\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(input.InstanceId, html, StringComparison.Ordinal);
        Assert.DoesNotContain(input.InstanceId, link, StringComparison.Ordinal);
        Assert.Equal(before, await web.StatusAsync(input.InstanceId), new StatusComparer());
    }

    [Fact]
    public async Task Reflection_SaveDraft_KeepsTextAndRaisesNothing()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var page = await web.Client.GetStringAsync(link);

        var response = await PageForms.PostAsync(web.Client, page, Notes("save"));
        await web.WaitForIdleAsync();
        var reloaded = await web.Client.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("Your draft is saved", reloaded, StringComparison.Ordinal);
        Assert.Contains("teaching fellowship", reloaded, StringComparison.Ordinal);
        Assert.Equal(ReflectionState.Open, (await web.StatusAsync(input.InstanceId)).Reflection);
    }

    [Fact]
    public async Task Reflection_Send_RaisesEventAndShowsReadOnly()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var page = await web.Client.GetStringAsync(link);

        var response = await PageForms.PostAsync(web.Client, page, Notes("send"));
        await web.WaitForIdleAsync();
        var status = await web.StatusAsync(input.InstanceId);
        var view = await web.Client.GetStringAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(ReflectionState.Submitted, status.Reflection);
        Assert.Equal($"notes/{input.ConversationId}/1.json", status.NotesBlobName);
        Assert.Contains(web.Outbox.Sent, m => m.Message.Kind == MessageKind.NotesReady);
        Assert.Contains("cannot change them", view, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", view, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflection_SecondPost_ChangesNothing()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var page = await web.Client.GetStringAsync(link);
        await PageForms.PostAsync(web.Client, page, Notes("send"));
        await web.WaitForIdleAsync();
        var sentCount = web.Outbox.Sent.Count;
        var before = await web.StatusAsync(input.InstanceId);

        var changed = Notes("send");
        changed["goalsAndPlans"] = "Something else entirely.";
        var replay = await PageForms.PostAsync(web.Client, page, changed);
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.SeeOther, replay.StatusCode);
        Assert.Equal(sentCount, web.Outbox.Sent.Count);
        Assert.Equal(before, await web.StatusAsync(input.InstanceId), new StatusComparer());
        Assert.DoesNotContain("Something else", await web.Client.GetStringAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflection_EmptyElement_Returns400()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff));
        var notes = Notes("send");
        notes["context"] = "";

        var response = await PageForms.PostAsync(web.Client, page, notes);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#context\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error:", html, StringComparison.Ordinal);
        Assert.Equal(ReflectionState.Open, (await web.StatusAsync(input.InstanceId)).Reflection);
    }

    [Fact]
    public async Task Reflection_AnswerOverLimit_Returns400WithCount()
    {
        await using var web = await WebApp.StartAsync();
        await web.StartConversationAsync();
        var page = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff));
        var notes = Notes("save");
        notes["selfAwareness"] = new string('a', 5003);

        var response = await PageForms.PostAsync(web.Client, page, notes);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5,000 characters or fewer; it has 5,003", html, StringComparison.Ordinal);
        Assert.Contains("You have 3 characters too many", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.BadRequest)]
    [InlineData(false, HttpStatusCode.Forbidden)]
    public async Task Reflection_AntiForgeryMissingOrInvalid_Rejected(bool missing, HttpStatusCode expected)
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var fields = Notes("send");
        fields["submissionId"] = "abc";
        if (!missing)
        {
            fields["formProtection"] = "1790000000.new.AAAA";
        }

        using var content = new FormUrlEncodedContent(fields);
        var response = await web.Client.PostAsync(link, content);
        await web.WaitForIdleAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(ReflectionState.Open, (await web.StatusAsync(input.InstanceId)).Reflection);
    }

    [Fact]
    public async Task Reflection_ProtectionFromOtherPage_Forbidden()
    {
        await using var web = await WebApp.StartAsync();
        await web.StartConversationAsync();
        var staffPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff));
        var meetingPage = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer));
        var fields = PageForms.HiddenFields(meetingPage);
        foreach (var (key, value) in Notes("send"))
        {
            fields[key] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        var response = await web.Client.PostAsync(PageForms.Action(staffPage), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Link_Tampered_Returns401WithoutData()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];

        var response = await web.Client.GetAsync(tampered);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        PageForms.AssertSecurityHeaders(response);
        Assert.DoesNotContain(input.Staff.Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_Expired_Returns410()
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var path = web.PathFor(new LinkClaims(LinkScope.ForConversation(input.ConversationId), ActorRole.Staff,
            LinkAction.Reflection, 1, web.Clock.GetUtcNow().AddMinutes(-1)));

        var response = await web.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Ask for a new link", html, StringComparison.Ordinal);
        Assert.DoesNotContain(input.Staff.Name, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ActorRole.Reviewer, LinkAction.Reflection)]
    [InlineData(ActorRole.Staff, LinkAction.Meeting)]
    public async Task Link_WrongRoleOrAction_Returns403(ActorRole role, LinkAction action)
    {
        await using var web = await WebApp.StartAsync();
        var input = await web.StartConversationAsync();
        var claims = new LinkClaims(LinkScope.ForConversation(input.ConversationId), role, action, 1, web.Clock.GetUtcNow().AddDays(1));
        var path = web.PathFor(claims);
        var wrongPage = action == LinkAction.Reflection ? path.Replace("links/reflection", "links/meeting", StringComparison.Ordinal)
            : path.Replace("links/meeting", "links/reflection", StringComparison.Ordinal);

        var response = await web.Client.GetAsync(wrongPage);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Link_UnknownConversation_ShowsClosedPage()
    {
        await using var web = await WebApp.StartAsync();
        var path = web.PathFor(new LinkClaims(LinkScope.ForConversation(ConversationIds.New()), ActorRole.Staff,
            LinkAction.Reflection, 1, web.Clock.GetUtcNow().AddDays(1)));

        var response = await web.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This conversation is closed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheet_Get_ReturnsCss()
    {
        await using var web = await WebApp.StartAsync();

        var response = await web.Client.GetAsync("/links/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>Compares statuses by their JSON, so the link version dictionaries compare by content.</summary>
    internal sealed class StatusComparer : IEqualityComparer<ConversationStatus>
    {
        public bool Equals(ConversationStatus? x, ConversationStatus? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(ConversationStatus obj) => 0;
    }
}
