using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CareerConv.LocalHost.Serve;
using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareerConv.Browser.Tests;

/// <summary>
/// One conversation through the emailed links in headless Chromium: the staff member's reflection, the
/// reviewer's meeting, notes and record pages, and the coordinator's handoff, on the local host with
/// the Azurite that scripts/test.sh starts. Every page visited is checked with axe-core.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ConversationJourneyTests(BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>
{
    /// <summary>How far ahead the meeting is set, before rounding up to the whole minute the form takes.</summary>
    static readonly TimeSpan MeetingLead = TimeSpan.FromSeconds(20);

    /// <summary>Time for the engine to fire the meeting timer and send the record request after the meeting.</summary>
    static readonly TimeSpan AfterMeetingTimeout = TimeSpan.FromMinutes(2);

    static readonly TimeSpan EmailTimeout = TimeSpan.FromMinutes(1);

    static readonly string[] Notes =
    [
        "I led the first-year lab redesign with Zoë and Siân.\nStudents rated it highly, and I learnt to delegate.",
        "Our département is merging two groups <script>alert('xss')</script> & the café closes in May.",
        "I care about teaching that is fair; my aspiration is a readership in Ångström-scale physics.",
        "Apply for promotion next year, publish the Dvořák collaboration paper, and mentor one new lecturer.",
    ];

    static readonly string[] Fields = ["selfAwareness", "context", "valuesAndAspirations", "goalsAndPlans"];

    [Fact]
    public async Task LinkedPages_WholeConversation_PassAxe()
    {
        var elapsed = Stopwatch.StartNew();
        await using var site = await SampleSite.StartAsync();
        var reflectionEmail = await site.Outbox.WaitForAsync("ReflectionInvitation", _ => true, EmailTimeout);
        var instance = OutboxReader.InstanceOf(reflectionEmail);
        bool SameConversation(Mail.Transport.OutboxEntry e) => OutboxReader.InstanceOf(e) == instance;
        var meetingEmail = await site.Outbox.WaitForAsync("MeetingRequest", SameConversation, EmailTimeout);
        var page = await browser.Context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        output.WriteLine($"host and sample ready after {elapsed.Elapsed.TotalSeconds:0.0} s");

        await ReflectAsync(page, await site.Outbox.LinkAsync(reflectionEmail, "reflection"));
        var meetingAt = await ScheduleMeetingAsync(page, await site.Outbox.LinkAsync(meetingEmail, "meeting"));
        await ReadNotesAsync(page);
        var recordEmail = await site.Outbox.WaitForAsync(
            "RecordRequest", SameConversation, meetingAt - DateTimeOffset.UtcNow + AfterMeetingTimeout);
        output.WriteLine($"record requested after {elapsed.Elapsed.TotalSeconds:0.0} s");
        await UploadRecordAsync(page, await site.Outbox.LinkAsync(recordEmail, "record"));
        var handoffEmail = await site.Outbox.WaitForAsync("HandoffRequest", SameConversation, EmailTimeout);
        await ConfirmHandoffAsync(page, await site.Outbox.LinkAsync(handoffEmail, "handoff"));
        output.WriteLine($"journey finished after {elapsed.Elapsed.TotalSeconds:0.0} s");

        Assert.Empty(dialogs);
    }

    /// <summary>
    /// The staff member sends the form empty, then fills, saves and sends it with the keyboard alone:
    /// Tab to move, typing to fill, Enter and Space to press the buttons.
    /// </summary>
    async Task ReflectAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await Accessibility.AssertNoViolationsAsync(page, "reflection", output);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send to my reviewer" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        var errorTargets = await page.Locator(".error-summary-list a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(Fields.Select(f => "#" + f), errorTargets);
        foreach (var field in Fields)
        {
            Assert.Equal(1, await page.Locator($"textarea#{field}[aria-describedby~='{field}-error']").CountAsync());
        }

        await Accessibility.AssertNoViolationsAsync(page, "reflection with errors", output);

        for (var i = 0; i < Fields.Length; i++)
        {
            await TabToAsync(page, "#" + Fields[i]);
            await page.Keyboard.TypeAsync(Notes[i]);
        }

        await TabToAsync(page, "button[value=save]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("saved=1", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your draft is saved");
        for (var i = 0; i < Fields.Length; i++)
        {
            Assert.Equal(Notes[i], await page.Locator("#" + Fields[i]).InputValueAsync());
        }

        await Accessibility.AssertNoViolationsAsync(page, "reflection draft saved", output);

        await TabToAsync(page, "button[value=send]");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForURLAsync(url => !url.Contains("saved=1", StringComparison.Ordinal));
        await WaitForTextAsync(page, "You sent these notes to your reviewer");
        await AssertNotesShownAsync(page);
        Assert.Equal(0, await page.Locator("textarea").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page, "reflection sent", output);
    }

    /// <summary>
    /// The reviewer sends the meeting form empty, then sets the meeting at the next whole minute at least
    /// <see cref="MeetingLead"/> ahead, in the faculty's time zone that the form's hint names.
    /// </summary>
    async Task<DateTimeOffset> ScheduleMeetingAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await Accessibility.AssertNoViolationsAsync(page, "meeting", output);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page, "meeting with errors", output);

        var hint = await page.Locator("#meetingTime-hint").InnerTextAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneInHint().Match(hint).Groups[1].Value);
        var meetingAt = NextWholeMinute(DateTimeOffset.UtcNow + MeetingLead);
        var local = TimeZoneInfo.ConvertTime(meetingAt, zone);
        await page.GetByLabel("Day").FillAsync(local.Day.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(local.Month.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(local.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time").FillAsync(local.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Place").FillAsync("Room 2.14, Schrödinger Building");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The meeting is saved");
        await WaitForTextAsync(page, "at Room 2.14, Schrödinger Building");
        await Accessibility.AssertNoViolationsAsync(page, "meeting saved", output);
        output.WriteLine($"meeting set for {meetingAt:u}");
        return meetingAt;
    }

    async Task ReadNotesAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Reflection notes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Reflection notes from");

        await AssertNotesShownAsync(page);
        await Accessibility.AssertNoViolationsAsync(page, "notes", output);
    }

    async Task UploadRecordAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await Accessibility.AssertNoViolationsAsync(page, "record", output);
        var upload = page.GetByRole(AriaRole.Button, new() { Name = "Upload the record" });
        await upload.ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary a[href='#recordFile']")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "record with errors", output);

        var pdf = SignedRecordPdf.Create("Siân Llewelyn");
        await page.GetByLabel("Signed record form").SetInputFilesAsync(
            new FilePayload { Name = "signed record.pdf", MimeType = "application/pdf", Buffer = pdf });
        await upload.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The signed record is uploaded");
        await WaitForTextAsync(page, "Version 1 is uploaded");
        await Accessibility.AssertNoViolationsAsync(page, "record uploaded", output);
    }

    async Task ConfirmHandoffAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download version 1 (PDF)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "handoff", output);

        await page.GetByLabel("I have recorded this meeting in iTrent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Recorded in iTrent");
        await Accessibility.AssertNoViolationsAsync(page, "handoff confirmed", output);
    }

    /// <summary>Checks that the four notes show as text, with the script in them escaped and not run.</summary>
    static async Task AssertNotesShownAsync(IPage page)
    {
        var mainText = await page.Locator("main").InnerTextAsync();
        foreach (var paragraph in Notes.SelectMany(n => n.Split('\n')))
        {
            Assert.Contains(paragraph, mainText, StringComparison.Ordinal);
        }

        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Contains("&lt;script&gt;alert", await page.ContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus.</summary>
    static async Task TabToAsync(IPage page, string selector)
    {
        const int MaxPresses = 40;
        for (var i = 0; i < MaxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab did not reach {selector} within {MaxPresses} presses.");
    }

    /// <summary>
    /// Reloads until the page shows <paramref name="text"/>: a page shown just after a send can still
    /// describe the state from before the engine applied it.
    /// </summary>
    static async Task WaitForTextAsync(IPage page, string text)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            if ((await page.Locator("main").InnerTextAsync()).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            await page.ReloadAsync();
        }

        Assert.Fail($"The page at {page.Url} did not show '{text}' within 30 s.");
    }

    static DateTimeOffset NextWholeMinute(DateTimeOffset at)
    {
        var truncated = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, at.Offset);
        return truncated.AddMinutes(1).ToUniversalTime();
    }

    [GeneratedRegex(@"local time \(([^)]+)\)")]
    private static partial Regex TimeZoneInHint();

    /// <summary>The local host on Azurite with the sample cycle, under scratch storage names and task hub.</summary>
    sealed class SampleSite : IAsyncDisposable
    {
        readonly string dataFolder;

        SampleSite(LocalServer server, string dataFolder)
        {
            Server = server;
            this.dataFolder = dataFolder;
            Outbox = new OutboxReader(Path.Combine(dataFolder, "outbox"), server.Address);
        }

        public LocalServer Server { get; }

        public OutboxReader Outbox { get; }

        public static async Task<SampleSite> StartAsync()
        {
            await RequireAzuriteAsync();
            var data = Directory.CreateTempSubdirectory("careerconv-browser-").FullName;
            var scratch = "b" + Guid.NewGuid().ToString("N")[..10];
            var configuration = new ConfigurationBuilder()
                .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["CareerConv:Storage:NamePrefix"] = scratch,
                    ["CareerConv:Engine:TaskHub"] = scratch,
                })
                .Build();
            var server = await LocalServer.StartAsync(configuration, new ServeSettings(0, InMemory: false, data, Sample: true));
            await SampleCycle.ImportAsync(server, TextWriter.Null);
            return new SampleSite(server, data);
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Directory.Delete(dataFolder, recursive: true);
        }

        /// <summary>Fails at once when nothing listens on Azurite's blob port, instead of after the storage client's retries.</summary>
        static async Task RequireAzuriteAsync()
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", 10000).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
                Assert.Fail($"Azurite is not answering on 127.0.0.1:10000 ({e.Message}); run the tests through scripts/test.sh.");
            }
        }
    }
}
