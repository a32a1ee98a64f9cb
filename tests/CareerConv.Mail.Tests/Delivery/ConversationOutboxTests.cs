using System.Globalization;
using CareerConv.Engine;
using CareerConv.Mail.Transport;
using CareerConv.Mail.Tests.Support;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;

namespace CareerConv.Mail.Tests.Delivery;

/// <summary>
/// A whole conversation on the in-process engine with a virtual clock, the sample faculties and the
/// mail pipeline from <see cref="MailServiceCollectionExtensions.AddCareerConvMail"/> writing to a
/// temporary outbox, with the send ledger on Azurite.
/// </summary>
public sealed class ConversationOutboxTests(ITestOutputHelper output) : IDisposable
{
    const string Staff = "s0001@example.ac.uk";
    const string Reviewer = "a.lovelace@example.ac.uk";
    const string Head = "a.okafor@example.ac.uk";
    const string Coordinator = "g.pryce@example.ac.uk";

    readonly string outbox = Path.Combine(Path.GetTempPath(), "careerconv-conversation-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Conversation_WholeCycle_WritesOutboxOnce()
    {
        var clock = new VirtualClock(At("2026-09-28T08:00:00Z"));
        await using var engine = await StartEngineAsync(clock);
        var input = new ConversationInput(
            ConversationIdentity.InstanceId("2026-autumn", "S0001"), ConversationIds.New(), "2026-autumn", "SCI", "PHYS",
            new StaffMember("S0001", "Zoë O'Brien-Núñez", Staff));
        var reviewer = new Person("Dr Siân D'Arcy", Reviewer);
        var id = input.InstanceId;

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(WorkflowTasks.ConversationOrchestrator, input, new StartOrchestrationOptions(id));
        await clock.RunUntilIdleAsync();
        await RaiseAsync(engine, clock, id, ConversationEvents.ReviewerAssigned,
            new ReviewerAssignedEvent("a1", new Actor(ActorRole.HeadOfDepartment, Head), reviewer));
        await RaiseAsync(engine, clock, id, ConversationEvents.MeetingScheduled,
            new MeetingScheduledEvent("m1", new Actor(ActorRole.Reviewer, Reviewer), At("2026-10-20T13:00:00Z"), "Physics building, room 2.14"));
        await RaiseAsync(engine, clock, id, ConversationEvents.ReflectionSubmitted,
            new ReflectionSubmittedEvent("n1", new Actor(ActorRole.Staff, Staff), "notes/c1/1.json", new string('a', 64)));
        await clock.AdvanceToAsync(At("2026-10-21T09:00:00Z"));
        await RaiseAsync(engine, clock, id, ConversationEvents.RecordUploaded,
            new RecordUploadedEvent("r1", new Actor(ActorRole.Reviewer, Reviewer), "records/c1/1.pdf", new string('b', 64), 183_402, 1));
        await RaiseAsync(engine, clock, id, ConversationEvents.HandoffConfirmed,
            new HandoffConfirmedEvent("h1", new Actor(ActorRole.Coordinator, Coordinator)));

        var index = await OutboxIndex.ReadAsync(outbox);
        foreach (var entry in index)
        {
            output.WriteLine($"{entry.Sequence,3} {entry.Kind,-22} {string.Join(",", entry.To),-26} {entry.Subject}");
        }

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
        (string Kind, string To)[] expectedStart =
        [
            ("ReviewerRequest", Head),
            ("MeetingRequest", Reviewer),
            ("ReflectionInvitation", Staff),
            ("MeetingConfirmed", Reviewer),
            ("MeetingConfirmed", Staff),
            ("NotesReady", Reviewer),
        ];
        Assert.Equal(expectedStart, index.Take(expectedStart.Length).Select(e => (e.Kind, e.To.Single())));
        Assert.Equal(("Completion", Staff), (index[^1].Kind, index[^1].To.Single()));
        Assert.Contains(index, e => e.Kind == "RecordRequest");
        Assert.Contains(index, e => e.Kind == "HandoffRequest");
        Assert.Equal(index.Count, index.Select(e => (e.Id, e.To.Single())).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, index.Count), index.Select(e => e.Sequence));

        var invitation = await MimeMessage.LoadAsync(Path.Combine(outbox, index[2].File));
        Assert.Contains("Dear Zoë O'Brien-Núñez,", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dear Zoë O&#x27;Brien-Núñez,", invitation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://careers.example.ac.uk/a/" + input.ConversationId, invitation.TextBody, StringComparison.Ordinal);
        Assert.Matches(@"by \w+day \d{1,2} \w+ 2026, 17:00 (GMT|BST)\.", invitation.TextBody);
        var completion = await MimeMessage.LoadAsync(Path.Combine(outbox, index[^1].File));
        Assert.Contains("iTrent", completion.TextBody, StringComparison.Ordinal);
        var confirmed = await MimeMessage.LoadAsync(Path.Combine(outbox, index[3].File));
        Assert.Contains("Tuesday 20 October 2026, 14:00 BST", confirmed.TextBody, StringComparison.Ordinal);
        Assert.Equal("REQUEST", ((MimePart)confirmed.Attachments.Single()).ContentType.Parameters["method"]);
        foreach (var entry in index)
        {
            var text = (await MimeMessage.LoadAsync(Path.Combine(outbox, entry.File))).TextBody;
            Assert.DoesNotContain("notes/c1", text, StringComparison.Ordinal);
        }

        output.WriteLine("");
        output.WriteLine(invitation.TextBody);
    }

    async Task<DurableEngine> StartEngineAsync(VirtualClock clock)
    {
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "faculties.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CareerConv:Mail:OutboxFolder"] = outbox,
                ["CareerConv:Storage:NamePrefix"] = Azurite.NewPrefix(),
            })
            .Build();
        return await DurableEngine.StartAsync(new DurableEngineSettings
        {
            Clock = clock,
            RegisterTasks = WorkflowTasks.Register,
            ConfigureServices = services =>
            {
                services.AddCareerConvTiming(configuration);
                services.AddWorkflowActivities();
                services.AddSingleton<ITimelineStore, InMemoryTimelineStore>();
                services.AddSingleton<IActionLinkBuilder, TestLinks>();
                services.AddCareerConvMail(configuration);
            },
        });
    }

    static async Task RaiseAsync(DurableEngine engine, VirtualClock clock, string id, string name, IConversationEvent payload)
    {
        await engine.Client.RaiseEventAsync(id, name, payload);
        await clock.RunUntilIdleAsync();
    }

    static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public void Dispose()
    {
        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }
    }
}
