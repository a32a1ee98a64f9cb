using CareerConv.Benchmarks.Durable;
using CareerConv.Benchmarks.Side;
using CareerConv.Engine;
using CareerConv.LocalHost.Rehearsal;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using DurableTask.Core;
using Microsoft.Extensions.Configuration;

namespace CareerConv.Benchmarks.Tests;

/// <summary>
/// Runs a few whole conversations through the benchmark's counting and checks the counts against the
/// orchestrator's structure. With the prompt profile every request is answered one day later, so each
/// conversation calls LoadSettingsActivity once and ApplyEffectsActivity once at the start, once per
/// event, once for the meeting reminder and once when the meeting is held.
/// </summary>
public sealed class DurableActionCounterTests
{
    const int Conversations = 6;

    static readonly IConfiguration Sample = new ConfigurationBuilder()
        .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
        .Build();

    [Fact]
    public async Task Cycle_PromptProfile_CountsMatchTheOrchestratorStructure()
    {
        var scope = CycleScope.Read(Sample, "SCI", "2026-autumn");
        await using var engine = await BenchmarkEngine.StartAsync(Sample, scope, ResponseProfile.Prompt, new EngineOptions(), CancellationToken.None);

        var run = await CycleBenchmark.RunAsync(engine, scope, Conversations, CancellationToken.None);

        var instances = engine.Counter.FinishedInstances(WorkflowTasks.ConversationOrchestrator);
        Assert.Equal(Conversations, instances.Count);
        Assert.All(instances, c => Assert.Equal(OrchestrationStatus.Completed, c.Status));
        Assert.All(instances, c => Assert.Equal(1, c.Starts));
        Assert.All(instances, c => Assert.Equal(c.ActivitiesScheduled, c.ActivitiesCompleted));
        Assert.All(instances, c => Assert.Equal(0, c.ActivitiesFailed));

        // Half the staff arrive with a reviewer; the others wait for ReviewerAssigned as well.
        Assert.Equal(Conversations / 2, instances.Count(c => c.EventsReceived == 4));
        Assert.Equal(Conversations / 2, instances.Count(c => c.EventsReceived == 5));
        Assert.All(instances, c => Assert.Equal(c.EventsReceived + 4, c.ActivitiesScheduled));

        // The meeting is ten days after the reply, so the wait for its reminder takes at least three
        // 3-day timers. A cancelled timer may never fire, so fired never exceeds created.
        Assert.All(instances, c => Assert.InRange(c.TimersCreated, 3, 20));
        Assert.All(instances, c => Assert.InRange(c.TimersFired, 3, c.TimersCreated));
        Assert.All(instances, c => Assert.Equal(c.HistoryEvents, c.EventsAppended));
        Assert.InRange(run.Actions.Actions, 30, DurableSection.MaxActionsPerConversation);
        Assert.InRange(run.Actions.MaxHistoryBytes, 1_000, DurableSection.MaxHistoryBytes - 1);
    }

    [Fact]
    public async Task Baseline_FiveActivities_TakesElevenWorkItemsEach()
    {
        var scope = CycleScope.Read(Sample, "SCI", "2026-autumn");
        await using var engine = await BenchmarkEngine.StartAsync(Sample, scope, ResponseProfile.Prompt, new EngineOptions(), CancellationToken.None);

        var run = await BaselineBenchmark.RunAsync(engine, Conversations, CancellationToken.None);

        Assert.Equal(Conversations, run.Finished);
        Assert.Equal(Conversations * (BaselineTasks.ActivityCalls + 1), run.OrchestrationWorkItems);
        Assert.Equal(Conversations * BaselineTasks.ActivityCalls, run.ActivityWorkItems);
        var instances = engine.Counter.FinishedInstances(BaselineTasks.Orchestrator);
        Assert.All(instances, c => Assert.Equal(1 + (2 * BaselineTasks.ActivityCalls), c.Actions));

        // Each of the 6 work items adds an orchestrator-started and -completed event besides the actions,
        // and the last one the execution-completed event.
        Assert.All(instances, c => Assert.Equal(24, c.HistoryEvents));
    }

    [Fact]
    public async Task Roster_Generated_ReadsWithoutProblems()
    {
        var scope = CycleScope.Read(Sample, "SCI", "2026-autumn");
        var roster = RosterImportBenchmark.Generate(50, scope);

        var report = await Orchestrations.Cycles.RosterReader.ReadAsync(
            new MemoryStream(roster),
            new Orchestrations.Cycles.RosterScope("SCI", new Dictionary<string, IReadOnlySet<string>> { ["SCI"] = scope.Departments.ToHashSet() }));

        Assert.Equal(50, report.Entries.Count);
        Assert.Empty(report.Problems);
        Assert.Equal(25, report.Entries.Count(e => e.Reviewer is not null));
    }
}
