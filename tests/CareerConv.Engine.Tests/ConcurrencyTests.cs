using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CareerConv.Engine.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Engine_MoreOrchestrationsThanProcessors_RunsTheirActivitiesAtOnce()
    {
        // Every activity waits until all of them have started, so the run completes only if the
        // engine runs more work items at once than the backend's own limit of one per processor.
        var width = Environment.ProcessorCount * 4;
        var gate = new Rendezvous(width);
        await using var engine = await DurableEngine.StartAsync(new DurableEngineSettings
        {
            RegisterTasks = registry =>
            {
                registry.AddOrchestratorFunc<int, int>("Meet", (context, n) => context.CallActivityAsync<int>("Arrive", n));
                registry.AddActivityFunc<int, int>("Arrive", (context, n) => gate.ArriveAsync());
            },
        });

        var ids = new List<string>();
        for (var i = 0; i < width; i++)
        {
            ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Meet", i));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var id in ids)
        {
            var instance = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        }

        Assert.Equal(width, gate.MaxAtOnce);
    }

    [Fact]
    public async Task WaitForIdle_AfterAChainOfActivities_ReturnsOnlyWhenAllAreDone()
    {
        await using var engine = await DurableEngine.StartAsync(new DurableEngineSettings
        {
            RegisterTasks = registry =>
            {
                registry.AddOrchestratorFunc<int, int>("Chain", async (context, n) =>
                {
                    var total = 0;
                    for (var i = 0; i < n; i++)
                    {
                        total += await context.CallActivityAsync<int>("One", i);
                    }

                    return total;
                });
                registry.AddActivityFunc<int, int>("One", (context, i) => 1);
            },
        });
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 5));
        }

        await engine.WaitForIdleAsync();

        foreach (var id in ids)
        {
            var instance = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
            Assert.Equal(5, instance.ReadOutputAs<int>());
        }
    }

    sealed class Rendezvous(int width)
    {
        readonly TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int arrived;
        int maxAtOnce;
        int present;

        public int MaxAtOnce => Volatile.Read(ref maxAtOnce);

        public async Task<int> ArriveAsync()
        {
            var now = Interlocked.Increment(ref present);
            InterlockedMax(ref maxAtOnce, now);
            if (Interlocked.Increment(ref arrived) == width)
            {
                allArrived.TrySetResult();
            }

            await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Interlocked.Decrement(ref present);
            return now;
        }

        static void InterlockedMax(ref int target, int value)
        {
            var current = Volatile.Read(ref target);
            while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
            {
                current = Volatile.Read(ref target);
            }
        }
    }
}
