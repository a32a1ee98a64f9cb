using System.Text.Json;
using CareerConv.Engine;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Tests.Timing;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Orchestrations.Tests.Workflow;

/// <summary>
/// Runs conversations on the real in-process engine with a virtual clock, the sample faculties and
/// in-memory stores, and reads back what was sent and recorded.
/// </summary>
sealed class ConversationRig : IAsyncDisposable
{
    static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    ConversationRig(DurableEngine engine, VirtualClock clock)
    {
        Engine = engine;
        Clock = clock;
    }

    public DurableEngine Engine { get; }

    public VirtualClock Clock { get; }

    public DurableTaskClient Client => Engine.Client;

    /// <summary>The messages delivered; a fault-injecting sender, when one is given, sits in front of it.</summary>
    public InMemoryMessageSender Sender => Engine.Services.GetRequiredService<InMemoryMessageSender>();

    public InMemoryTimelineStore Timeline => (InMemoryTimelineStore)Engine.Services.GetRequiredService<ITimelineStore>();

    /// <param name="sender">Wraps the in-memory sender, for example to inject faults. Without it, activities send to the in-memory sender directly.</param>
    /// <param name="backend">The engine's backend; the in-memory one when null.</param>
    public static async Task<ConversationRig> StartAsync(
        DateTimeOffset start,
        IConfiguration? configuration = null,
        Action<IServiceCollection>? configureServices = null,
        Func<IServiceProvider, InMemoryMessageSender, IMessageSender>? sender = null,
        IOrchestrationService? backend = null)
    {
        configuration ??= new ConfigurationBuilder().AddFacultiesFile(TimingConfiguration.SampleFile).Build();
        var clock = new VirtualClock(start);
        var engine = await DurableEngine.StartAsync(new DurableEngineSettings
        {
            Clock = clock,
            Backend = backend,
            RegisterTasks = WorkflowTasks.Register,
            ConfigureServices = services =>
            {
                configureServices?.Invoke(services);
                services.AddCareerConvTiming(configuration);
                services.AddWorkflowActivities();
                services.AddSingleton<InMemoryMessageSender>();
                services.AddSingleton<IMessageSender>(provider =>
                {
                    var inner = provider.GetRequiredService<InMemoryMessageSender>();
                    return sender is null ? inner : sender(provider, inner);
                });
                services.AddSingleton<ITimelineStore, InMemoryTimelineStore>();
            },
        });
        return new ConversationRig(engine, clock);
    }

    public static ConversationInput Input(
        string staffNumber = "S0001",
        string cycle = "2026-autumn",
        string faculty = "SCI",
        string department = "PHYS",
        Person? reviewer = null) =>
        new(
            ConversationIdentity.InstanceId(cycle, staffNumber),
            ConversationIds.New(),
            cycle,
            faculty,
            department,
            new StaffMember(staffNumber, "Zoë O'Brien-Núñez", $"{staffNumber.ToLowerInvariant()}@example.ac.uk"),
            reviewer);

    public async Task<string> StartConversationAsync(ConversationInput input)
    {
        var options = new StartOrchestrationOptions(input.InstanceId);
        await Client.ScheduleNewOrchestrationInstanceAsync(WorkflowTasks.ConversationOrchestrator, input, options);
        await Clock.RunUntilIdleAsync();
        return input.InstanceId;
    }

    public async Task RaiseAsync(string instanceId, string eventName, IConversationEvent payload)
    {
        await Client.RaiseEventAsync(instanceId, eventName, payload);
        await Clock.RunUntilIdleAsync();
    }

    public void RaiseAt(DateTimeOffset at, string instanceId, string eventName, IConversationEvent payload) =>
        Clock.Schedule(at, ct => Client.RaiseEventAsync(instanceId, eventName, payload, ct));

    public async Task<ConversationStatus> StatusAsync(string instanceId)
    {
        var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        Assert.NotNull(instance);
        Assert.NotNull(instance.SerializedCustomStatus);
        return JsonSerializer.Deserialize<ConversationStatus>(instance.SerializedCustomStatus, StatusJson)!;
    }

    public async Task<OrchestrationMetadata> InstanceAsync(string instanceId) =>
        (await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true))!;

    public IReadOnlyList<SentMessage> SentTo(string instanceId) =>
        [.. Sender.Sent.Where(m => m.Message.InstanceId == instanceId)];

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
