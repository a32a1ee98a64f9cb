using System.Globalization;
using System.Text.Json;
using CareerConv.Engine;
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

namespace CareerConv.Mail.Tests.Delivery;

/// <summary>
/// A whole conversation through the real mail pipeline, with the send ledger on Azurite and SendGrid
/// replaced by a recording server on 127.0.0.1 that returns 5xx and 429 for a while.
/// </summary>
[Collection(nameof(SerialFaults))]
public sealed class SendGridOutageTests
{
    const string Staff = "s0001@example.ac.uk";
    const string Reviewer = "a.lovelace@example.ac.uk";
    const string Coordinator = "g.pryce@example.ac.uk";

    [Fact]
    public async Task SendGrid_ErrorsAndRateLimits_DeliversOnce()
    {
        // The first email uses up the transport's 4 calls on 5xx, so the activity fails and its retry
        // meets two 429 responses and another 5xx before SendGrid accepts.
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var rateLimited = new ScriptedResponse(429, """{"errors":[{"message":"too many requests"}]}""",
            new Dictionary<string, string> { ["X-RateLimit-Reset"] = reset });
        ScriptedResponse[] script =
        [
            new(503), new(500, """{"errors":[{"message":"internal error"}]}"""), new(502), new(503),
            rateLimited, new(500), rateLimited,
        ];
        await using var sendGrid = await RecordingServer.StartAsync(script);
        var clock = new VirtualClock(At("2026-09-28T08:00:00Z"));
        await using var engine = await StartEngineAsync(clock, sendGrid.Address);
        var input = new ConversationInput(
            ConversationIdentity.InstanceId("2026-autumn", "S0001"), ConversationIds.New(), "2026-autumn", "SCI", "PHYS",
            new StaffMember("S0001", "Zoë O'Brien-Núñez", Staff), new Person("Dr Ada Lovelace", Reviewer));
        var id = input.InstanceId;

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(WorkflowTasks.ConversationOrchestrator, input, new StartOrchestrationOptions(id));
        await clock.AdvanceByAsync(TimeSpan.FromMinutes(2));
        await RaiseAsync(engine, clock, id, ConversationEvents.MeetingScheduled,
            new MeetingScheduledEvent("m1", new Actor(ActorRole.Reviewer, Reviewer), At("2026-10-20T13:00:00Z"), "Physics building, room 2.14"));
        await RaiseAsync(engine, clock, id, ConversationEvents.ReflectionSubmitted,
            new ReflectionSubmittedEvent("n1", new Actor(ActorRole.Staff, Staff), "notes/c1/1.json", new string('a', 64)));
        await clock.AdvanceToAsync(At("2026-10-21T09:00:00Z"));
        await RaiseAsync(engine, clock, id, ConversationEvents.RecordUploaded,
            new RecordUploadedEvent("r1", new Actor(ActorRole.Reviewer, Reviewer), "records/c1/1.pdf", new string('b', 64), 183_402, 1));
        await RaiseAsync(engine, clock, id, ConversationEvents.HandoffConfirmed,
            new HandoffConfirmedEvent("h1", new Actor(ActorRole.Coordinator, Coordinator)));

        var requests = sendGrid.Requests;
        var accepted = requests.Where(r => r.Status == 202).Select(Email).ToList();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(script.Select(s => s.Status), requests.Take(script.Length).Select(r => r.Status));
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
        Assert.Equal(requests.Select(Email).Distinct().Order(), accepted.Order());
        Assert.Equal(("MeetingRequest", Reviewer), (accepted[0].Kind, accepted[0].To));
        Assert.Equal(("Completion", Staff), (accepted[^1].Kind, accepted[^1].To));
        Assert.Contains(accepted, e => e.Kind == "HandoffRequest");
    }

    /// <summary>The message id, kind and recipient of one Mail Send request.</summary>
    static (string Id, string Kind, string To) Email(RecordedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        var personalization = json.RootElement.GetProperty("personalizations")[0];
        var arguments = personalization.GetProperty("custom_args");
        return (
            arguments.GetProperty("message_id").GetString()!,
            arguments.GetProperty("message_kind").GetString()!,
            personalization.GetProperty("to")[0].GetProperty("email").GetString()!);
    }

    static async Task<DurableEngine> StartEngineAsync(VirtualClock clock, Uri sendGrid)
    {
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "faculties.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CareerConv:Storage:NamePrefix"] = Azurite.NewPrefix(),
                ["CareerConv:Mail:FromAddress"] = "careers@example.ac.uk",
                ["CareerConv:Mail:SendGrid:ApiKey"] = "SG.test-key",
                ["CareerConv:Mail:SendGrid:Host"] = sendGrid.AbsoluteUri,
                ["CareerConv:Mail:SendGrid:RetryDelay"] = "00:00:00.050",
                ["CareerConv:Mail:SendGrid:MaxRateLimitWait"] = "00:00:02",
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
}
