using System.Diagnostics;
using System.Globalization;
using CareerConv.Benchmarks.Measuring;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask;

namespace CareerConv.Benchmarks.Durable;

/// <summary>What one cycle run measured.</summary>
/// <param name="Parked">Memory once every conversation had started and reached its first wait, after a full collection.</param>
/// <param name="BeforeStart">Memory just before the first conversation started, after a full collection.</param>
sealed record CycleRun(
    ThroughputRun Throughput,
    ConversationActions Actions,
    IReadOnlyDictionary<string, int> Outcomes,
    MemoryReading BeforeStart,
    MemoryReading Parked,
    TimeSpan TimeToPark,
    TimeSpan VirtualSpan);

/// <summary>
/// Runs N conversations of one faculty's cycle to the end on the virtual clock, with scripted replies.
/// It starts them all and measures memory once all wait on their first timer or event. Then it moves
/// the clock a week at a time until every conversation has finished or 400 days have passed.
/// </summary>
static class CycleBenchmark
{
    static readonly TimeSpan Step = TimeSpan.FromDays(7);
    static readonly TimeSpan LongestRun = TimeSpan.FromDays(400);

    public static async Task<CycleRun> RunAsync(BenchmarkEngine engine, CycleScope scope, int count, CancellationToken cancellationToken)
    {
        var counter = engine.Counter;
        var name = WorkflowTasks.ConversationOrchestrator;
        var (orchestrationsBefore, activitiesBefore) = (counter.OrchestrationWorkItems, counter.ActivityWorkItems);
        var beforeStart = MemoryReading.AfterCollection();
        var started = engine.Clock.GetUtcNow();

        await using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(50));
        var watch = Stopwatch.StartNew();
        await Starter.StartAllAsync(count, i => StartAsync(engine, scope, i, cancellationToken), cancellationToken);
        await engine.Clock.RunUntilIdleAsync(cancellationToken);
        var timeToPark = watch.Elapsed;

        // The collection and the reading are not part of the timed run.
        watch.Stop();
        var parked = MemoryReading.AfterCollection();
        watch.Start();

        while (counter.Finished(name) < count && engine.Clock.GetUtcNow() < started + LongestRun)
        {
            await engine.Clock.AdvanceByAsync(Step, cancellationToken);
        }

        watch.Stop();
        var instances = counter.FinishedInstances(name);
        var throughput = new ThroughputRun(
            count,
            instances.Count,
            counter.OrchestrationWorkItems - orchestrationsBefore,
            counter.ActivityWorkItems - activitiesBefore,
            watch.Elapsed,
            sampler.PeakWorkingSetBytes,
            sampler.PeakManagedHeapBytes);
        var outcomes = instances.GroupBy(c => c.Status.ToString()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new CycleRun(
            throughput, ConversationActions.Of(instances), outcomes, beforeStart, parked, timeToPark,
            engine.Clock.GetUtcNow() - started);
    }

    static Task StartAsync(BenchmarkEngine engine, CycleScope scope, int index, CancellationToken cancellationToken)
    {
        var input = Staff(index, scope);
        return engine.Engine.Client.ScheduleNewOrchestrationInstanceAsync(
            WorkflowTasks.ConversationOrchestrator, input, new StartOrchestrationOptions(input.InstanceId), cancellationToken);
    }

    /// <summary>Returns made-up staff; every other one arrives without a reviewer, as in the rehearsal.</summary>
    public static ConversationInput Staff(int index, CycleScope scope)
    {
        var staffNumber = string.Create(CultureInfo.InvariantCulture, $"B{index + 1:D6}");
        var staff = new StaffMember(staffNumber, $"Staff Member {index + 1}", $"{staffNumber.ToLowerInvariant()}@example.ac.uk");
        var reviewer = index % 2 == 0 ? new Person($"Dr Reviewer {index + 1}", $"reviewer{index + 1}@example.ac.uk") : null;
        return new ConversationInput(
            ConversationIdentity.InstanceId(scope.Cycle, staffNumber),
            ConversationIds.New(),
            ConversationIdentity.NormaliseCycle(scope.Cycle),
            scope.Faculty,
            scope.Departments[index % scope.Departments.Count],
            staff,
            reviewer);
    }
}
