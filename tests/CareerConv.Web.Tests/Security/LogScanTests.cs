using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Hosting;
using CareerConv.Web.Tests.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerConv.Web.Tests.Security;

/// <summary>
/// Captures every log event of a whole conversation in the web routes and the engine: the admin start,
/// meeting, notes, record upload, handoff and download. No note text, link token, form value or secret
/// may appear in them.
/// </summary>
public sealed partial class LogScanTests
{
    const string NoteText = "Quietly-distinctive-note-text-7f3a";
    const string SendGridKey = "SG.log-scan-key-that-must-never-appear";

    [Fact]
    public async Task WholeConversation_Logs_HoldNoSecretsOrNotes()
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?> { ["CareerConv:Mail:SendGrid:ApiKey"] = SendGridKey };
        await using (var web = await WebApp.StartAsync(
            services => services.AddSingleton<IRecordUploads>(sp => new TestRecordUploads(sp.GetRequiredService<IDocumentStore>())),
            settings: settings, logs: logs))
        {
            var (tokens, formValues) = await RunConversationAsync(web);
            await web.WaitForIdleAsync();

            var text = string.Join('\n', logs.Events);
            Assert.True(logs.Events.Count > 20, $"Only {logs.Events.Count} log events were captured.");
            Assert.DoesNotContain(NoteText, text, StringComparison.Ordinal);
            Assert.DoesNotContain(WebApp.Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(WebApp.OldSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(WebApp.NewSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SendGridKey, text, StringComparison.Ordinal);
            var secrets = tokens.SelectMany(t => new[] { t, t.Split('.')[2] }).Concat(formValues);
            foreach (var value in secrets)
            {
                var leak = logs.Events.FirstOrDefault(e => e.Contains(value, StringComparison.Ordinal));
                Assert.True(leak is null, $"A link token or form value appears in the logs: {leak}");
            }
        }
    }

    static async Task<(List<string> Tokens, List<string> FormValues)> RunConversationAsync(WebApp web)
    {
        var tokens = new List<string>();
        var formValues = new List<string>();
        using var start = WebApp.Admin(HttpMethod.Post, "/api/admin/conversations", JsonContent.Create(new
        {
            cycle = "2026-autumn",
            faculty = "SCI",
            department = "PHYS",
            staff = new { staffNumber = "S0042", name = "Zoë O'Brien-Núñez", email = "z.obrien@example.ac.uk" },
            reviewer = new { name = "Dr Ada Lovelace", email = "a.lovelace@example.ac.uk" },
        }));
        Assert.Equal(HttpStatusCode.Accepted, (await web.Client.SendAsync(start)).StatusCode);
        await web.WaitForIdleAsync();

        async Task<string> PageAsync(MessageKind kind, ActorRole role)
        {
            var link = web.LinkFromLastMessage(kind, role);
            tokens.Add(Uri.UnescapeDataString(link[(link.IndexOf("t=", StringComparison.Ordinal) + 2)..]));
            var html = await web.Client.GetStringAsync(link);
            formValues.AddRange(PageForms.HiddenFields(html).Values.Where(v => v.Length > 16));
            return html;
        }

        var meeting = await PageAsync(MessageKind.MeetingRequest, ActorRole.Reviewer);
        await PageForms.PostAsync(web.Client, meeting, new Dictionary<string, string>
        {
            ["meetingDay"] = "20", ["meetingMonth"] = "10", ["meetingYear"] = "2026", ["meetingTime"] = "10:00", ["location"] = "Room 1",
        });
        await web.WaitForIdleAsync();

        var reflection = await PageAsync(MessageKind.ReflectionInvitation, ActorRole.Staff);
        var saved = await PageForms.PostAsync(web.Client, reflection, Notes("save"));
        var reloaded = await web.Client.GetStringAsync(saved.Headers.Location!.OriginalString);
        formValues.AddRange(PageForms.HiddenFields(reloaded).Values.Where(v => v.Length > 16));
        await PageForms.PostAsync(web.Client, reloaded, Notes("send"));
        await web.WaitForIdleAsync();
        Assert.Contains(NoteText, await PageAsync(MessageKind.NotesReady, ActorRole.Reviewer), StringComparison.Ordinal);

        var record = await web.Client.GetStringAsync(Href(meeting, "links/record"));
        using (var content = new MultipartFormDataContent())
        {
            foreach (var (key, value) in PageForms.HiddenFields(record))
            {
                formValues.Add(value);
                content.Add(new StringContent(value), key);
            }

            content.Add(new ByteArrayContent(Pdf.Sample()), "recordFile", "signed.pdf");
            Assert.Equal(HttpStatusCode.SeeOther, (await web.Client.PostAsync(PageForms.Action(record), content)).StatusCode);
        }

        await web.WaitForIdleAsync();
        var handoff = await PageAsync(MessageKind.HandoffRequest, ActorRole.Coordinator);
        await PageForms.PostAsync(web.Client, handoff, new Dictionary<string, string> { ["recorded"] = "yes" });
        await web.WaitForIdleAsync();

        var recordView = await PageAsync(MessageKind.Completion, ActorRole.Staff);
        var download = Href(recordView, "links/download");
        tokens.Add(Uri.UnescapeDataString(download[(download.IndexOf("t=", StringComparison.Ordinal) + 2)..]));
        Assert.Equal(HttpStatusCode.OK, (await web.Client.GetAsync(download)).StatusCode);
        Assert.Equal(ConversationStage.Completed, (await web.StatusAsync("2026-autumn:S0042")).Stage);
        return (tokens, formValues.Distinct().ToList());
    }

    static Dictionary<string, string> Notes(string intent) => new()
    {
        ["selfAwareness"] = NoteText,
        ["context"] = NoteText + " context",
        ["valuesAndAspirations"] = NoteText + " values",
        ["goalsAndPlans"] = NoteText + " goals",
        ["intent"] = intent,
    };

    static string Href(string html, string path) =>
        WebUtility.HtmlDecode(HrefPattern().Matches(html).Select(m => m.Groups[1].Value).First(v => v.StartsWith("/" + path + "?", StringComparison.Ordinal)));

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();

    /// <summary>Keeps every log event of every category, at every level, with its exception and scopes.</summary>
    sealed class CapturingLoggerProvider : ILoggerProvider
    {
        readonly ConcurrentQueue<string> events = new();

        public IReadOnlyList<string> Events => [.. events];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, events);

        public void Dispose()
        {
        }

        sealed class Logger(string category, ConcurrentQueue<string> events) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                events.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                    : "";
                events.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {{{properties}}} {exception}");
            }
        }
    }
}
