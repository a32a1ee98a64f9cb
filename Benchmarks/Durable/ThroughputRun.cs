using CareerConv.Benchmarks.Measuring;

namespace CareerConv.Benchmarks.Durable;

/// <summary>Work done by the engine in one timed phase.</summary>
/// <param name="WorkItems">Orchestration and activity work items locked during the phase.</param>
sealed record ThroughputRun(
    int Instances,
    int Finished,
    long OrchestrationWorkItems,
    long ActivityWorkItems,
    TimeSpan Elapsed,
    long PeakWorkingSetBytes,
    long PeakManagedHeapBytes)
{
    public long WorkItems => OrchestrationWorkItems + ActivityWorkItems;

    public double WorkItemsPerSecond => Elapsed > TimeSpan.Zero ? WorkItems / Elapsed.TotalSeconds : 0;
}

/// <summary>The baseline: N orchestrations of five sequential activities, timed until all finish.</summary>
static class BaselineBenchmark
{
    public static async Task<ThroughputRun> RunAsync(BenchmarkEngine engine, int count, CancellationToken cancellationToken)
    {
        var counter = engine.Counter;
        var finishedBefore = counter.Finished(BaselineTasks.Orchestrator);
        var (orchestrationsBefore, activitiesBefore) = (counter.OrchestrationWorkItems, counter.ActivityWorkItems);
        await using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(50));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Starter.StartAllAsync(count, i => engine.Engine.Client.ScheduleNewOrchestrationInstanceAsync(
            BaselineTasks.Orchestrator, i, cancellationToken), cancellationToken);
        while (counter.Finished(BaselineTasks.Orchestrator) - finishedBefore < count)
        {
            await Task.Delay(5, cancellationToken);
        }

        watch.Stop();
        return new ThroughputRun(
            count,
            counter.Finished(BaselineTasks.Orchestrator) - finishedBefore,
            counter.OrchestrationWorkItems - orchestrationsBefore,
            counter.ActivityWorkItems - activitiesBefore,
            watch.Elapsed,
            sampler.PeakWorkingSetBytes,
            sampler.PeakManagedHeapBytes);
    }
}

/// <summary>Starts many orchestrations over a few concurrent gRPC calls.</summary>
static class Starter
{
    const int Concurrency = 8;

    public static Task StartAllAsync(int count, Func<int, Task> start, CancellationToken cancellationToken) =>
        Parallel.ForAsync(
            0, count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, _) => await start(i));
}
