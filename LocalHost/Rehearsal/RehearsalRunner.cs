using System.Diagnostics;
using CareerConv.Engine;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Cycles;
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
    EngineOptions Engine)
{
    /// <summary>Per-role and per-staff reply delays; the <see cref="Profile"/> alone when null.</summary>
    public ResponsePlan? Responses { get; init; }

    /// <summary>A roster to rehearse instead of made-up staff; rows with problems are left out.</summary>
    public string? RosterPath { get; init; }
}

/// <summary>One email to one recipient, as the rehearsal output lists it.</summary>
/// <param name="Local">The instant in the faculty's time zone, such as 2026-10-02 09:00 BST.</param>
public sealed record RehearsedMessage(DateTimeOffset At, string Local, ActorRole Role, string StaffNumber, MessageKind Kind);

/// <summary>How one rehearsed conversation ended.</summary>
public sealed record RehearsedConversation(string StaffNumber, string Stage);

/// <summary>How a rehearsal ended.</summary>
public sealed record RehearsalReport(
    int Started,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyDictionary<MessageKind, int> MessagesByKind,
    DateTimeOffset VirtualStart,
    DateTimeOffset VirtualEnd,
    TimeSpan Elapsed,
    IReadOnlyList<TimelineEntry> SampleTimeline)
{
    public IReadOnlyList<RehearsedMessage> Messages { get; init; } = [];

    public IReadOnlyList<RehearsedConversation> Conversations { get; init; } = [];

    public IReadOnlyList<RosterProblem> RosterProblems { get; init; } = [];
}

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
                ConfigureServices = services => AddServices(
                    services, configuration, clock, settings.Responses ?? ResponsePlan.For(settings.Profile), () => engine!.Client),
            },
            cancellationToken);
        await using (engine)
        {
            var watch = Stopwatch.StartNew();
            var (inputs, problems) = await InputsAsync(configuration, faculty, settings, cancellationToken);
            var ids = await StartConversationsAsync(engine.Client, inputs, cancellationToken);
            await RunToEndAsync(engine, clock, ids, start + LongestRun, cancellationToken);
            watch.Stop();
            var report = await ReportAsync(engine, ids, start, clock.GetUtcNow(), watch.Elapsed, cancellationToken);
            return report with { RosterProblems = problems };
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
        IServiceCollection services, IConfiguration configuration, VirtualClock clock, ResponsePlan plan,
        Func<DurableTaskClient> client)
    {
        services.AddCareerConvTiming(configuration);
        services.AddWorkflowActivities();
        services.AddSingleton<ITimelineStore, InMemoryTimelineStore>();
        services.AddSingleton<InMemoryMessageSender>();
        services.AddSingleton<IMessageSender>(provider =>
            new ScriptedResponder(provider.GetRequiredService<InMemoryMessageSender>(), clock, plan, client));
    }

    static async Task<(List<ConversationInput> Inputs, IReadOnlyList<RosterProblem> Problems)> InputsAsync(
        IConfiguration configuration, FacultyOptions faculty, RehearsalSettings settings, CancellationToken cancellationToken)
    {
        var departments = faculty.Departments.Keys.Order(StringComparer.Ordinal).ToArray();
        if (settings.RosterPath is null)
        {
            var made = Enumerable.Range(0, settings.StaffCount)
                .Select(i => RehearsalStaff.Input(i, settings.Cycle, settings.Faculty, departments[i % departments.Length]))
                .ToList();
            return (made, []);
        }

        var scope = new RosterScope(settings.Faculty, new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [settings.Faculty] = faculty.Departments.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
        });
        await using var roster = File.OpenRead(settings.RosterPath);
        var report = await RosterReader.ReadAsync(roster, scope, cancellationToken);
        var cycle = ConversationIdentity.NormaliseCycle(settings.Cycle);
        var inputs = report.Entries.Select(e => new ConversationInput(
            ConversationIdentity.InstanceId(cycle, e.Staff.StaffNumber), ConversationIds.New(), cycle, e.Faculty, e.Department,
            e.Staff, e.Reviewer, e.LineManager)).ToList();
        return (inputs, report.Problems);
    }

    static async Task<List<string>> StartConversationsAsync(
        DurableTaskClient client, List<ConversationInput> inputs, CancellationToken cancellationToken)
    {
        var ids = new List<string>(inputs.Count);
        foreach (var input in inputs)
        {
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
        var conversations = new List<RehearsedConversation>();
        foreach (var id in ids)
        {
            var instance = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            var outcome = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? instance.ReadOutputAs<ConversationOutcome>()!.Stage.ToString()
                : instance?.RuntimeStatus.ToString() ?? "Missing";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            conversations.Add(new RehearsedConversation(id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..], outcome));
        }

        var sender = engine.Services.GetRequiredService<InMemoryMessageSender>();
        var byKind = sender.Sent.GroupBy(m => m.Message.Kind).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Count());
        var timeline = ids.Count == 0
            ? []
            : await engine.Services.GetRequiredService<ITimelineStore>().ReadAsync(ids[0], cancellationToken);
        var messages = sender.Sent
            .SelectMany(m => m.Message.To.Select(to => new RehearsedMessage(
                m.SentAt, LocalTime.Format(m.SentAt, m.Message.TimeZoneId), to.Role, m.Message.Staff.StaffNumber, m.Message.Kind)))
            .ToList();
        return new RehearsalReport(ids.Count, outcomes, byKind, start, end, elapsed, timeline)
        {
            Messages = messages,
            Conversations = conversations,
        };
    }
}
