using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Links;
using Microsoft.Extensions.Options;

namespace CareerConv.LocalHost.Tests.Faults;

/// <summary>A conversation started by the driver, with the record it uploaded and the notes page the reviewer saw.</summary>
sealed record DrivenConversation(string StaffNumber, string ConversationId)
{
    public byte[]? Record { get; set; }

    public string NotesPage { get; set; } = "";
}

/// <summary>
/// Plays every role of a conversation on a running local host over HTTP: the admin routes to start and
/// read conversations, and the link pages to schedule the meeting, send the notes, upload the record
/// and confirm the handoff. Links are signed here with the host's link key from its data folder, so
/// the driver does not wait for the emails that would carry them.
/// </summary>
sealed partial class ConversationDriver(Uri address, string adminKey, string linkSecret) : IDisposable
{
    public const string Cycle = "2026-27";
    public const string ReviewerEmail = "r.franklin@example.ac.uk";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    readonly LinkSigner signer = new(Options.Create(new LinkOptions
    {
        Keys = [new LinkKeyOptions { Id = "local", Secret = linkSecret }],
        BaseUrl = address.AbsoluteUri,
    }));

    public static string NotesText(string staffNumber) => $"Notes of {staffNumber}: a new research group next year.";

    /// <summary>Starts a conversation in the SCI faculty's PHYS department with the reviewer already named.</summary>
    public async Task<DrivenConversation> StartAsync(string staffNumber, CancellationToken cancellationToken)
    {
        var body = new
        {
            cycle = Cycle,
            faculty = "SCI",
            department = "PHYS",
            staff = new { staffNumber, name = "Staff " + staffNumber, email = staffNumber.ToLowerInvariant() + "@example.ac.uk" },
            reviewer = new { name = "Dr Rosalind Franklin", email = ReviewerEmail },
        };
        using var request = Admin(HttpMethod.Post, "api/admin/conversations");
        request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return new DrivenConversation(staffNumber, started.GetProperty("conversationId").GetString()!);
    }

    /// <summary>Returns the runtime status and stage from the admin status route, or null while the host returns an error.</summary>
    public async Task<(string RuntimeStatus, string? Stage)?> StatusAsync(string staffNumber, CancellationToken cancellationToken)
    {
        using var request = Admin(HttpMethod.Get, $"api/admin/conversations/status?cycle={Cycle}&staffNumber={staffNumber}");
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        var stage = json.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            ? status.GetProperty("stage").ToString()
            : null;
        return (json.GetProperty("runtimeStatus").GetString()!, stage);
    }

    /// <summary>Waits until the conversation reaches a stage (or completes, for <c>Completed</c>).</summary>
    public async Task WaitForStageAsync(string staffNumber, string stage, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await StatusAsync(staffNumber, cancellationToken);
            if (current?.Stage == stage || (stage == "Completed" && current?.RuntimeStatus == "Completed"))
            {
                return;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Schedules the meeting tomorrow at 10:00 in the faculty's time zone, as the reviewer.</summary>
    public async Task ScheduleMeetingAsync(DrivenConversation conversation, CancellationToken cancellationToken)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).AddDays(1);
        await PostFormAsync(Token(conversation, ActorRole.Reviewer, LinkAction.Meeting), new Dictionary<string, string>
        {
            ["meetingDay"] = tomorrow.Day.ToString(CultureInfo.InvariantCulture),
            ["meetingMonth"] = tomorrow.Month.ToString(CultureInfo.InvariantCulture),
            ["meetingYear"] = tomorrow.Year.ToString(CultureInfo.InvariantCulture),
            ["meetingTime"] = "10:00",
            ["location"] = "Physics building, room 2.14",
        }, cancellationToken);
    }

    /// <summary>Sends the reflection notes as the staff member.</summary>
    public Task SendNotesAsync(DrivenConversation conversation, CancellationToken cancellationToken) =>
        PostFormAsync(Token(conversation, ActorRole.Staff, LinkAction.Reflection), new Dictionary<string, string>
        {
            ["selfAwareness"] = NotesText(conversation.StaffNumber),
            ["context"] = "Teaching load is heavy this term.",
            ["valuesAndAspirations"] = "Open science.",
            ["goalsAndPlans"] = "Apply for a fellowship.",
            ["intent"] = "send",
        }, cancellationToken);

    /// <summary>Downloads the host's own record form, a real PDF, and uploads it as the signed record.</summary>
    public async Task UploadRecordAsync(DrivenConversation conversation, CancellationToken cancellationToken)
    {
        var form = Token(conversation, ActorRole.Reviewer, LinkAction.DownloadRecordForm);
        var pdf = await http.GetByteArrayAsync(new Uri(form, UriKind.Relative), cancellationToken);
        var page = Token(conversation, ActorRole.Reviewer, LinkAction.Record);
        var (submissionId, protection) = await ReadFormAsync(page, cancellationToken);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(submissionId), "submissionId" },
            { new StringContent(protection), "formProtection" },
        };
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "recordFile", "signed-record.pdf");
        using var response = await http.PostAsync(new Uri(page, UriKind.Relative), content, cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Record upload returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        conversation.Record = pdf;
    }

    /// <summary>Confirms the iTrent handoff as the coordinator.</summary>
    public Task ConfirmHandoffAsync(DrivenConversation conversation, CancellationToken cancellationToken) =>
        PostFormAsync(Token(conversation, ActorRole.Coordinator, LinkAction.Handoff),
            new Dictionary<string, string> { ["recorded"] = "yes" }, cancellationToken);

    /// <summary>Returns the SHA-256 of the record as the coordinator downloads it.</summary>
    public async Task<string> DownloadRecordHashAsync(DrivenConversation conversation, CancellationToken cancellationToken)
    {
        var bytes = await http.GetByteArrayAsync(
            new Uri(Token(conversation, ActorRole.Coordinator, LinkAction.DownloadRecord), UriKind.Relative), cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Returns the reviewer's notes page.</summary>
    public Task<string> ReadNotesPageAsync(DrivenConversation conversation, CancellationToken cancellationToken) =>
        http.GetStringAsync(new Uri(Token(conversation, ActorRole.Reviewer, LinkAction.Notes), UriKind.Relative), cancellationToken);

    public void Dispose() => http.Dispose();

    string Token(DrivenConversation conversation, ActorRole role, LinkAction action)
    {
        var claims = new LinkClaims(LinkScope.ForConversation(conversation.ConversationId), role, action, 1, DateTimeOffset.UtcNow.AddDays(1));
        return $"{LinkPaths.For(action)}?{LinkPaths.TokenParameter}={Uri.EscapeDataString(signer.Sign(claims))}";
    }

    async Task PostFormAsync(string page, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var (submissionId, protection) = await ReadFormAsync(page, cancellationToken);
        fields["submissionId"] = submissionId;
        fields["formProtection"] = protection;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(new Uri(page, UriKind.Relative), content, cancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.OK,
            $"POST {page.Split('?')[0]} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    async Task<(string SubmissionId, string Protection)> ReadFormAsync(string page, CancellationToken cancellationToken)
    {
        var html = await http.GetStringAsync(new Uri(page, UriKind.Relative), cancellationToken);
        var submissionId = SubmissionIdField().Match(html);
        var protection = ProtectionField().Match(html);
        Assert.True(submissionId.Success, $"{page.Split('?')[0]} has no submission id: {html}");
        Assert.True(protection.Success, $"{page.Split('?')[0]} has no anti-forgery value: {html}");
        return (WebUtility.HtmlDecode(submissionId.Groups[1].Value), WebUtility.HtmlDecode(protection.Groups[1].Value));
    }

    HttpRequestMessage Admin(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("x-functions-key", adminKey);
        return request;
    }

    [GeneratedRegex("name=\"submissionId\" value=\"([^\"]*)\"")]
    private static partial Regex SubmissionIdField();

    [GeneratedRegex("name=\"formProtection\" value=\"([^\"]*)\"")]
    private static partial Regex ProtectionField();
}
