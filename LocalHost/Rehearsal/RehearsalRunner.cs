using System.Diagnostics;
using CareerConv.Engine;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareerConv.LocalHost.Rehearsal;

/// <summary>What to rehearse: one faculty's cycle, with how many staff and how quickly people reply.</summary>
public sealed record RehearsalSettings(
    string Faculty,
    string Cycle,
    int StaffCount,
    ResponseProfile Profile,
    EngineOptions Engine);

/// <summary>How a rehearsal ended.</summary>
public sealed record RehearsalReport(
    int Started,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyDictionary<MessageKind, int> MessagesByKind,
    DateTimeOffset VirtualStart,
    DateTimeOffset VirtualEnd,
    TimeSpan Elapsed,
    IReadOnlyList<TimelineEntry> SampleTimeline);

/// <summary>
/// Runs a whole cycle of one faculty on the in-process engine with a virtual clock and scripted
/// replies: the real orchestrator, activities and faculty timing, with mail kept in memory.
/// </summary>
public static class RehearsalRunner
{
    static readonly TimeSpan Step = TimeSpan.FromDays(7);
    static readonly TimeSpan LongestRun = TimeSpan.FromDays(400);

    public static async Task<RehearsalReport> RunAsync(
        IConfiguration configuration, RehearsalSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        var (faculty, cycle) = ReadCycle(configuration, settings);
        var start = new DateTimeOffset(cycle.CycleOpens.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        var clock = new VirtualClock(start);
        DurableEngine? engine = null;
        engine = await DurableEngine.StartAsync(
            new DurableEngineSettings
            {
                Clock = clock,
                Options = settings.Engine,
                RegisterTasks = WorkflowTasks.Register,
                ConfigureServices = services => AddServices(services, configuration, clock, settings.Profile, () => engine!.Client),
            },
            cancellationToken);
        await using (engine)
        {
            var watch = Stopwatch.StartNew();
            var ids = await StartConversationsAsync(engine.Client, faculty, settings, cancellationToken);
            await RunToEndAsync(engine, clock, ids, start + LongestRun, cancellationToken);
            watch.Stop();
            return await ReportAsync(engine, ids, start, clock.GetUtcNow(), watch.Elapsed, cancellationToken);
        }
    }

    static (FacultyOptions Faculty, TimingSnapshot Cycle) ReadCycle(IConfiguration configuration, RehearsalSettings settings)
    {
        using var services = new ServiceCollection().AddCareerConvTiming(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<TimingOptions>>().Value;
        if (!options.Faculties.TryGetValue(settings.Faculty, out var faculty))
        {
            throw new ArgumentException(
                $"Faculty '{settings.Faculty}' is not configured; use one of: {string.Join(", ", options.Faculties.Keys)}.");
        }

        var department = faculty.Departments.Keys.First();
        var resolver = services.GetRequiredService<TimingResolver>();
        var snapshot = resolver.Resolve(settings.Faculty, department, settings.Cycle, DateOnly.FromDateTime(DateTime.UtcNow));
        if (snapshot.OffCycle)
        {
            var known = faculty.Cycles?.Select(c => c.Id) ?? [];
            throw new ArgumentException(
                $"Cycle '{settings.Cycle}' is not a cycle of faculty '{settings.Faculty}'; use one of: {string.Join(", ", known)}.");
        }

        return (faculty, snapshot);
    }

    static void AddServices(
        IServiceCollection services, IConfiguration configuration, VirtualClock clock, ResponseProfile profile,
        Func<DurableTaskClient> client)
    {
        services.AddCareerConvTiming(configuration);
        services.AddWorkflowActivities();
        services.AddSingleton<ITimelineStore, InMemoryTimelineStore>();
        services.AddSingleton<InMemoryMessageSender>();
        services.AddSingleton<IMessageSender>(provider =>
            new ScriptedResponder(provider.GetRequiredService<InMemoryMessageSender>(), clock, profile, client));
    }

    static async Task<List<string>> StartConversationsAsync(
        DurableTaskClient client, FacultyOptions faculty, RehearsalSettings settings, CancellationToken cancellationToken)
    {
        var departments = faculty.Departments.Keys.Order(StringComparer.Ordinal).ToArray();
        var ids = new List<string>(settings.StaffCount);
        for (var i = 0; i < settings.StaffCount; i++)
        {
            var input = RehearsalStaff.Input(i, settings.Cycle, settings.Faculty, departments[i % departments.Length]);
            var options = new StartOrchestrationOptions(input.InstanceId);
            await client.ScheduleNewOrchestrationInstanceAsync(
                WorkflowTasks.ConversationOrchestrator, input, options, cancellationToken);
            ids.Add(input.InstanceId);
        }

        return ids;
    }

    static async Task RunToEndAsync(
        DurableEngine engine, VirtualClock clock, List<string> ids, DateTimeOffset stopAt, CancellationToken cancellationToken)
    {
        await clock.RunUntilIdleAsync(cancellationToken);
        while (clock.GetUtcNow() < stopAt && !await AllFinishedAsync(engine.Client, ids, cancellationToken))
        {
            await clock.AdvanceByAsync(Step, cancellationToken);
        }
    }

    static async Task<bool> AllFinishedAsync(DurableTaskClient client, List<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
            if (instance is null || !instance.IsCompleted)
            {
                return false;
            }
        }

        return true;
    }

    static async Task<RehearsalReport> ReportAsync(
        DurableEngine engine, List<string> ids, DateTimeOffset start, DateTimeOffset end, TimeSpan elapsed,
        CancellationToken cancellationToken)
    {
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var instance = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            var outcome = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? instance.ReadOutputAs<ConversationOutcome>()!.Stage.ToString()
                : instance?.RuntimeStatus.ToString() ?? "Missing";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        var sender = engine.Services.GetRequiredService<InMemoryMessageSender>();
        var byKind = sender.Sent.GroupBy(m => m.Message.Kind).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Count());
        var timeline = await engine.Services.GetRequiredService<ITimelineStore>().ReadAsync(ids[0], cancellationToken);
        return new RehearsalReport(ids.Count, outcomes, byKind, start, end, elapsed, timeline);
    }
}
