using System.Globalization;
using CareerConv.Benchmarks.Counting;
using CareerConv.Engine;
using CareerConv.LocalHost.Rehearsal;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerConv.Benchmarks.Durable;

/// <summary>Which cycle the benchmark runs, and on what engine settings.</summary>
/// <param name="Faculty">A faculty of the faculties file.</param>
/// <param name="Cycle">One of that faculty's cycles; the virtual clock starts at 06:00 UTC on its opening day.</param>
sealed record CycleScope(string Faculty, string Cycle, IReadOnlyList<string> Departments, DateTimeOffset Opens)
{
    /// <summary>Reads the faculty's departments and the cycle's opening day from the configuration.</summary>
    public static CycleScope Read(IConfiguration configuration, string faculty, string cycle)
    {
        using var services = new ServiceCollection().AddCareerConvTiming(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<TimingOptions>>().Value;
        if (!options.Faculties.TryGetValue(faculty, out var facultyOptions))
        {
            throw new ArgumentException($"Faculty '{faculty}' is not in the faculties file; use one of: {string.Join(", ", options.Faculties.Keys)}.");
        }

        var opens = facultyOptions.Cycles?.FirstOrDefault(c => string.Equals(c.Id, cycle, StringComparison.OrdinalIgnoreCase))?.Opens
            ?? throw new ArgumentException($"Cycle '{cycle}' of faculty '{faculty}' is not in the faculties file.");
        var day = DateOnly.ParseExact(opens, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var departments = facultyOptions.Departments.Keys.Order(StringComparer.Ordinal).ToList();
        return new CycleScope(faculty, cycle, departments, new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
    }
}

/// <summary>
/// The in-process engine with the virtual clock, the conversation workflow, the baseline and scripted
/// replies, and a <see cref="DurableActionCounter"/> between the engine and its in-memory backend.
/// </summary>
sealed class BenchmarkEngine : IAsyncDisposable
{
    BenchmarkEngine(DurableEngine engine, VirtualClock clock, DurableActionCounter counter)
    {
        Engine = engine;
        Clock = clock;
        Counter = counter;
    }

    public DurableEngine Engine { get; }

    public VirtualClock Clock { get; }

    public DurableActionCounter Counter { get; }

    public static async Task<BenchmarkEngine> StartAsync(
        IConfiguration configuration, CycleScope scope, ResponseProfile profile, EngineOptions options,
        CancellationToken cancellationToken)
    {
        var clock = new VirtualClock(scope.Opens);
        var counter = new DurableActionCounter();
        var backend = new CountingOrchestrationService(new InMemoryOrchestrationService(NullLoggerFactory.Instance), counter);
        DurableEngine? engine = null;
        engine = await DurableEngine.StartAsync(
            new DurableEngineSettings
            {
                Clock = clock,
                Options = options,
                Backend = backend,
                RegisterTasks = registry =>
                {
                    WorkflowTasks.Register(registry);
                    BaselineTasks.Register(registry);
                },
                ConfigureServices = services =>
                {
                    services.AddCareerConvTiming(configuration);
                    services.AddWorkflowActivities();
                    services.AddSingleton<ITimelineStore, InMemoryTimelineStore>();
                    services.AddSingleton<InMemoryMessageSender>();
                    services.AddSingleton<IMessageSender>(provider => new ScriptedResponder(
                        provider.GetRequiredService<InMemoryMessageSender>(), clock, ResponsePlan.For(profile), () => engine!.Client));
                },
            },
            cancellationToken);
        return new BenchmarkEngine(engine, clock, counter);
    }

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
