using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Forms;
using CareerConv.Web.Links;
using CareerConv.Web.Routing;
using CareerConv.Web.Tests.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests.BadInput;

/// <summary>
/// Bad posts to every link route with a form: oversized bodies, missing fields, wrong content types and
/// script in text. Each gets a 4xx response and leaves the conversation, its timeline, its documents and
/// the outbox as they were.
/// </summary>
public sealed class FormBadInputTests
{
    public static TheoryData<string> PostRoutes() =>
        [.. WebRoutes.All.Where(r => r.Method == "POST" && r.Access == RouteAccess.Link).Select(r => r.Name)];

    static Task<WebApp> StartAsync() => WebApp.StartAsync(services =>
    {
        services.AddSingleton<IRecordUploads>(sp => new TestRecordUploads(sp.GetRequiredService<IDocumentStore>()));
        services.AddSingleton<IRecordFormRenderer, TestRecordFormRenderer>();
    });

    /// <summary>A link that the route accepts, signed directly for the conversation or its department.</summary>
    static string PathFor(WebApp web, WebRoute route, ConversationInput input)
    {
        var action = Enum.GetValues<LinkAction>().Where(a => LinkPaths.For(a) == route.Template).Cast<LinkAction?>().FirstOrDefault();
        if (action is not { } linkAction)
        {
            return "/" + route.Template;
        }

        var (role, scope) = linkAction switch
        {
            LinkAction.AssignReviewers => (ActorRole.HeadOfDepartment, LinkScope.ForDepartment(new DepartmentScope("2026-autumn", "SCI", "PHYS"))),
            LinkAction.Reflection => (ActorRole.Staff, LinkScope.ForConversation(input.ConversationId)),
            LinkAction.Handoff => (ActorRole.Coordinator, LinkScope.ForConversation(input.ConversationId)),
            _ => (ActorRole.Reviewer, LinkScope.ForConversation(input.ConversationId)),
        };
        return web.PathFor(new LinkClaims(scope, role, linkAction, 1, web.Clock.GetUtcNow().AddDays(5)));
    }

    static IEnumerable<(string Case, Func<HttpContent> Body, HttpStatusCode[] Expected)> BadBodies(string routeName)
    {
        var upload = routeName == RouteNames.UploadRecord;
        var oversized = new string('a', upload ? 2 * 1024 * 1024 + 1 : FormReading.MaxFormBytes + 1);
        yield return ("oversized", () => new StringContent("selfAwareness=" + oversized, Encoding.UTF8, "application/x-www-form-urlencoded"),
            [HttpStatusCode.RequestEntityTooLarge]);
        yield return ("empty form", () => new FormUrlEncodedContent([]),
            upload ? [HttpStatusCode.UnsupportedMediaType] : [HttpStatusCode.BadRequest]);
        yield return ("fields without anti-forgery", () => new FormUrlEncodedContent([KeyValuePair.Create("intent", "send"), KeyValuePair.Create("email", "a@example.ac.uk")]),
            upload ? [HttpStatusCode.UnsupportedMediaType] : [HttpStatusCode.BadRequest]);
        yield return ("forged anti-forgery", () => new FormUrlEncodedContent([
                KeyValuePair.Create("submissionId", "0123456789abcdef"), KeyValuePair.Create("formProtection", "1790000000.new.AAAA"),
                KeyValuePair.Create("intent", "send"), KeyValuePair.Create("confirmed", "yes")]),
            upload ? [HttpStatusCode.UnsupportedMediaType] : [HttpStatusCode.Forbidden]);
        yield return ("json", () => new StringContent("{\"intent\":\"send\"}", Encoding.UTF8, "application/json"), [HttpStatusCode.UnsupportedMediaType]);
        yield return ("plain text", () => new StringContent("intent=send", Encoding.UTF8, "text/plain"), [HttpStatusCode.UnsupportedMediaType]);
        yield return ("no content type", () => new ByteArrayContent("intent=send"u8.ToArray()), [HttpStatusCode.UnsupportedMediaType]);
        yield return ("multipart without anti-forgery", () => new MultipartFormDataContent { { new StringContent("send"), "intent" } },
            [HttpStatusCode.BadRequest]);
        yield return ("broken multipart", () =>
        {
            var content = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"u8.ToArray());
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            return content;
        }, [HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge]);
    }

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task Post_BadBodies_Rejected4xxAndChangeNothing(string routeName)
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        var route = WebRoutes.Get(routeName);
        var path = PathFor(web, route, input);
        var before = await SnapshotAsync(web, input);

        foreach (var (label, body, expected) in BadBodies(routeName))
        {
            using var content = body();
            var response = await web.Client.PostAsync(path, content);

            Assert.True(expected.Contains(response.StatusCode), $"{routeName} {label}: {(int)response.StatusCode}, expected {string.Join(" or ", expected.Select(e => (int)e))}.");
            PageForms.AssertSecurityHeaders(response);
        }

        await web.WaitForIdleAsync();
        Assert.Equal(before, await SnapshotAsync(web, input));
    }

    [Fact]
    public async Task Reflection_ScriptInNotes_StoredAndShownEscaped()
    {
        const string Script = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var page = await web.Client.GetStringAsync(link);
        var notes = new Dictionary<string, string>
        {
            ["selfAwareness"] = Script, ["context"] = Script, ["valuesAndAspirations"] = Script, ["goalsAndPlans"] = Script, ["intent"] = "send",
        };

        var response = await PageForms.PostAsync(web.Client, page, notes);
        await web.WaitForIdleAsync();
        var status = await web.StatusAsync(input.InstanceId);
        var staffView = await web.Client.GetStringAsync(link);
        var reviewerView = await web.Client.GetStringAsync(web.LinkFromLastMessage(MessageKind.NotesReady, ActorRole.Reviewer));
        await using var stored = await web.Services.GetRequiredService<IDocumentStore>().OpenAsync(status.NotesBlobName!);
        var storedNotes = await JsonSerializer.DeserializeAsync<JsonElement>(stored!);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(Script, storedNotes.GetProperty("selfAwareness").GetString());
        foreach (var html in new[] { staffView, reviewerView })
        {
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Meeting_ScriptInLocation_ShownEscaped()
    {
        const string Script = "<script>alert(1)</script>";
        await using var web = await StartAsync();
        await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.MeetingRequest, ActorRole.Reviewer);
        var page = await web.Client.GetStringAsync(link);

        var response = await PageForms.PostAsync(web.Client, page, new Dictionary<string, string>
        {
            ["meetingDay"] = "20", ["meetingMonth"] = "10", ["meetingYear"] = "2026", ["meetingTime"] = "14:30", ["location"] = Script,
        });
        await web.WaitForIdleAsync();
        var html = await web.Client.GetStringAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflection_ChunkedOversizedBody_Rejected()
    {
        await using var web = await StartAsync();
        var input = await web.StartConversationAsync();
        var link = web.LinkFromLastMessage(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var page = await web.Client.GetStringAsync(link);
        var fields = PageForms.HiddenFields(page);
        var body = string.Join('&', fields.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)))
            + string.Concat(Enumerable.Range(0, 300).Select(i => $"&extra{i}=" + new string('b', 1000)))
            + "&intent=save&selfAwareness=a&context=b&valuesAndAspirations=c&goalsAndPlans=d";
        var before = await SnapshotAsync(web, input);

        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, PageForms.Action(page)) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await web.Client.SendAsync(request);
        await web.WaitForIdleAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync(web, input));
        Assert.Null(await web.Services.GetRequiredService<INotesDrafts>().ReadDraftAsync(input.ConversationId));
    }

    /// <summary>Everything a post could change, as one comparable string.</summary>
    internal static async Task<string> SnapshotAsync(WebApp web, ConversationInput input)
    {
        var status = JsonSerializer.Serialize(await web.StatusAsync(input.InstanceId));
        var timeline = await web.Services.GetRequiredService<ITimelineStore>().ReadAsync(input.InstanceId);
        var documents = web.Services.GetRequiredService<IDocumentStore>();
        var names = new[] { DocumentNames.For(DocumentKind.Notes, input.ConversationId, 1), DocumentNames.For(DocumentKind.Record, input.ConversationId, 1) };
        var present = new List<string>();
        foreach (var name in names)
        {
            await using var stream = await documents.OpenAsync(name);
            present.Add(name + (stream is null ? ": none" : ": stored"));
        }

        var instances = 0;
        await foreach (var _ in web.Durable.GetAllInstancesAsync())
        {
            instances++;
        }

        return string.Join('\n', status, string.Join(';', timeline.Select(e => e.Kind + " " + e.Reference)),
            string.Join(';', present), "outbox " + web.Outbox.Sent.Count, "instances " + instances);
    }
}
