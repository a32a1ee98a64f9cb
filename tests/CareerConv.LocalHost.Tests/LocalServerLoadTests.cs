using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerConv.LocalHost.Serve;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Timing;
using CareerConv.Web.Hosting;
using CareerConv.Web.Links;
using CareerConv.Web.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CareerConv.LocalHost.Tests;

/// <summary>
/// Concurrent form posts and record uploads against the local host on Kestrel and Azurite, in a scratch
/// task hub. Every submission must be accepted exactly once: one accepted event per submission id in
/// the timeline, and the notes and records stored. CI runs the small size; set
/// <c>CAREERCONV_LOAD=full</c> for 500 form submissions and 100 uploads.
/// </summary>
public sealed partial class LocalServerLoadTests(ITestOutputHelper output)
{
    const string Cycle = "2026-27";

    static bool Full => string.Equals(Environment.GetEnvironmentVariable("CAREERCONV_LOAD"), "full", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Serve_ConcurrentFormsAndUploads_EachAcceptedOnce()
    {
        // Each conversation gets two form submissions (meeting, reflection); every tenth meeting post is
        // sent twice at once, as a double click would.
        var conversations = Full ? 250 : 25;
        var uploads = Full ? 100 : 10;
        var data = Directory.CreateTempSubdirectory("careerconv-load-").FullName;
        var scratch = "l" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CareerConv:Storage:NamePrefix"] = scratch,
                ["CareerConv:Engine:TaskHub"] = scratch,
            })
            .Build();
        await using var server = await LocalServer.StartAsync(configuration, new ServeSettings(0, InMemory: false, data, Sample: false));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(3) };

        var inputs = await ImportAsync(server, http, conversations);
        var links = new Links(server);
        var forms = await SubmitFormsAsync(http, links, inputs);
        await WaitUntilAsync(server, inputs, s => s.Reflection == ReflectionState.Submitted && s.MeetingAt is not null, "forms");
        await AssertAcceptedOnceAsync(server, forms);

        var pdf = await http.GetByteArrayAsync(links.Path(inputs[0], ActorRole.Reviewer, LinkAction.DownloadRecordForm));
        var uploaded = await UploadAsync(http, links, inputs.Take(uploads).ToList(), pdf);
        await WaitUntilAsync(server, inputs.Take(uploads).ToList(), s => s.RecordVersion == 1, "uploads");
        await AssertAcceptedOnceAsync(server, uploaded);
        await AssertStoredAsync(server, inputs, uploads, pdf);
    }

    async Task<List<ConversationInput>> ImportAsync(LocalServer server, HttpClient http, int count)
    {
        var roster = new StringBuilder("Person Number,Forename,Surname,Work Email,Department,Reviewer Name,Reviewer Email\n");
        for (var i = 0; i < count; i++)
        {
            roster.Append(System.Globalization.CultureInfo.InvariantCulture, $"L{i:D5},Given{i},Family,l{i:D5}@example.ac.uk,PHYS,Reviewer {i},r{i:D5}@example.ac.uk\n");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/admin/cycles/import?cycle={Cycle}&faculty=SCI")
        {
            Content = new StringContent(roster.ToString(), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add(AdminKey.HeaderName, server.AdminKey.Value);
        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(request)).StatusCode);

        var client = server.Services.GetRequiredService<DurableTaskClient>();
        var inputs = new List<ConversationInput>();
        for (var i = 0; i < count; i++)
        {
            var instanceId = ConversationIdentity.InstanceId(Cycle, $"L{i:D5}");
            inputs.Add(await WaitForInputAsync(client, instanceId));
        }

        await WaitUntilAsync(server, inputs, s => s.Stage == ConversationStage.MeetingScheduling, "start");
        output.WriteLine($"Started {count} conversations in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        return inputs;
    }

    async Task<List<Submission>> SubmitFormsAsync(HttpClient http, Links links, List<ConversationInput> inputs)
    {
        var pages = await Task.WhenAll(inputs.Select(async input => (
            Input: input,
            Meeting: await http.GetStringAsync(links.Path(input, ActorRole.Reviewer, LinkAction.Meeting)),
            Reflection: await http.GetStringAsync(links.Path(input, ActorRole.Staff, LinkAction.Reflection)))));
        var posts = new List<(Submission Submission, Func<Task<HttpResponseMessage>> Send)>();
        foreach (var (input, meeting, reflection) in pages)
        {
            var meetingFields = Fields(meeting, new()
            {
                ["meetingDay"] = "15", ["meetingMonth"] = "3", ["meetingYear"] = "2027", ["meetingTime"] = "10:00", ["location"] = "Room 1",
            });
            var notesFields = Fields(reflection, new()
            {
                ["selfAwareness"] = "Notes of " + input.Staff.StaffNumber, ["context"] = "Context", ["valuesAndAspirations"] = "Values",
                ["goalsAndPlans"] = "Goals", ["intent"] = "send",
            });
            var meetingSubmission = new Submission(input, ConversationEvents.MeetingScheduled, meetingFields["submissionId"]);
            posts.Add((meetingSubmission, () => http.PostAsync(Action(meeting), new FormUrlEncodedContent(meetingFields))));
            if (inputs.IndexOf(input) % 10 == 0)
            {
                posts.Add((meetingSubmission, () => http.PostAsync(Action(meeting), new FormUrlEncodedContent(meetingFields))));
            }

            posts.Add((new Submission(input, ConversationEvents.ReflectionSubmitted, notesFields["submissionId"]),
                () => http.PostAsync(Action(reflection), new FormUrlEncodedContent(notesFields))));
        }

        await SendAllAsync(posts.Select(p => p.Send).ToList(), "form posts");
        return posts.Select(p => p.Submission).Distinct().ToList();
    }

    async Task<List<Submission>> UploadAsync(HttpClient http, Links links, List<ConversationInput> inputs, byte[] pdf)
    {
        var pages = await Task.WhenAll(inputs.Select(async input =>
            (Input: input, Page: await http.GetStringAsync(links.Path(input, ActorRole.Reviewer, LinkAction.Record)))));
        var posts = new List<(Submission Submission, Func<Task<HttpResponseMessage>> Send)>();
        foreach (var (input, page) in pages)
        {
            var fields = Fields(page, []);
            posts.Add((new Submission(input, ConversationEvents.RecordUploaded, fields["submissionId"]), () =>
            {
                var content = new MultipartFormDataContent();
                foreach (var (key, value) in fields)
                {
                    content.Add(new StringContent(value), key);
                }

                content.Add(new ByteArrayContent(pdf), "recordFile", "signed.pdf");
                return http.PostAsync(Action(page), content);
            }));
        }

        await SendAllAsync(posts.Select(p => p.Send).ToList(), "uploads");
        return posts.Select(p => p.Submission).ToList();
    }

    async Task SendAllAsync(List<Func<Task<HttpResponseMessage>>> sends, string phase)
    {
        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(sends.Select(send => Task.Run(send)));
        stopwatch.Stop();
        var statuses = responses.GroupBy(r => (int)r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{responses.Length} concurrent {phase} in {stopwatch.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
    }

    static async Task AssertAcceptedOnceAsync(LocalServer server, List<Submission> submissions)
    {
        var timeline = server.Services.GetRequiredService<ITimelineStore>();
        foreach (var group in submissions.GroupBy(s => s.Input.InstanceId))
        {
            var entries = await timeline.ReadAsync(group.Key);
            foreach (var submission in group)
            {
                var reference = $"{submission.Event}/{submission.SubmissionId}";
                // The durable timeline store puts the entry's sequence number in front: "3:MeetingScheduled/{id}".
                var accepted = entries.Count(e => e.Kind == TimelineEntryKind.EventAccepted
                    && (e.Reference == reference || e.Reference?.EndsWith(":" + reference, StringComparison.Ordinal) == true));
                Assert.True(accepted == 1, $"{group.Key} {reference}: accepted {accepted} times. Timeline: "
                    + string.Join("; ", entries.Select(e => $"{e.Kind} {e.Reference}")));
            }
        }
    }

    static async Task AssertStoredAsync(LocalServer server, List<ConversationInput> inputs, int uploads, byte[] pdf)
    {
        var documents = server.Services.GetRequiredService<IDocumentStore>();
        var client = server.Services.GetRequiredService<DurableTaskClient>();
        var expectedSha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        for (var i = 0; i < inputs.Count; i++)
        {
            var status = await StatusAsync(client, inputs[i].InstanceId);
            await using (var notes = await documents.OpenAsync(status!.NotesBlobName!))
            {
                Assert.NotNull(notes);
            }

            if (i < uploads)
            {
                await using var record = await documents.OpenAsync(status.RecordBlobName!);
                using var copy = new MemoryStream();
                await record!.CopyToAsync(copy);
                Assert.Equal(expectedSha, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
            }
        }
    }

    async Task WaitUntilAsync(LocalServer server, List<ConversationInput> inputs, Func<ConversationStatus, bool> done, string phase)
    {
        var client = server.Services.GetRequiredService<DurableTaskClient>();
        var stopwatch = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(Full ? 600 : 120);
        var pending = inputs.Select(i => i.InstanceId).ToList();
        while (pending.Count > 0)
        {
            var statuses = await Task.WhenAll(pending.Select(async id => (Id: id, Status: await StatusAsync(client, id))));
            pending = [.. statuses.Where(s => s.Status is null || !done(s.Status)).Select(s => s.Id)];
            if (pending.Count > 0 && stopwatch.Elapsed > limit)
            {
                Assert.Fail($"{pending.Count} conversations not done with {phase} after {limit.TotalSeconds} s, such as {pending[0]}.");
            }

            await Task.Delay(pending.Count > 0 ? 250 : 0);
        }

        output.WriteLine($"All {inputs.Count} conversations done with {phase} {stopwatch.Elapsed.TotalSeconds:F1} s later.");
    }

    static async Task<ConversationInput> WaitForInputAsync(DurableTaskClient client, string instanceId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance?.SerializedInput is { } input)
            {
                return JsonSerializer.Deserialize<ConversationInput>(input, WebJson.Options)!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Conversation {instanceId} did not start within 120 s.");
    }

    static async Task<ConversationStatus?> StatusAsync(DurableTaskClient client, string instanceId)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        return instance?.SerializedCustomStatus is { } status
            ? JsonSerializer.Deserialize<ConversationStatus>(status, WebJson.Options)
            : null;
    }

    static Dictionary<string, string> Fields(string html, Dictionary<string, string> values)
    {
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        return fields;
    }

    static string Action(string html) => WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);

    sealed record Submission(ConversationInput Input, string Event, string SubmissionId);

    /// <summary>Signs links the way the mail layer does, for conversations whose emails the test does not read.</summary>
    sealed class Links(LocalServer server)
    {
        readonly LinkSigner signer = server.Services.GetRequiredService<LinkSigner>();

        public string Path(ConversationInput input, ActorRole role, LinkAction action) =>
            "/" + LinkPaths.For(action) + "?t=" + Uri.EscapeDataString(signer.Sign(new LinkClaims(
                LinkScope.ForConversation(input.ConversationId), role, action, 1, DateTimeOffset.UtcNow.AddDays(5))));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
