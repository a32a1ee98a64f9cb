using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace CareerConv.Engine.Tests;

public sealed class VirtualClockTests(ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AdvanceTo_SevenDayTimer_CompletesAtExactlySevenDaysOfVirtualTime()
    {
        var clock = new VirtualClock(Start);
        await using var engine = await StartAsync(clock);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", TimeSpan.FromDays(7));
        await clock.RunUntilIdleAsync();

        var watch = Stopwatch.StartNew();
        await clock.AdvanceToAsync(Start.AddDays(7));
        var woke = await OutputAsync<DateTime>(engine, id);
        watch.Stop();

        Assert.Equal(Start.AddDays(7).UtcDateTime, woke);
        output.WriteLine($"7-day timer completed after {watch.Elapsed.TotalMilliseconds:F1} ms of real time");
    }

    [Fact]
    public async Task AdvanceTo_BeforeTheFireTime_LeavesTheTimerWaiting()
    {
        var clock = new VirtualClock(Start);
        await using var engine = await StartAsync(clock);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", TimeSpan.FromDays(2));

        await clock.AdvanceToAsync(Start.AddDays(2).AddMinutes(-1));

        var instance = await engine.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Equal(Start.AddDays(2).UtcDateTime, engine.Service.NextHeldTimer);
    }

    [Fact]
    public async Task AdvanceTo_TimerLongerThanTheMaximumInterval_SplitsItAndStillWakesOnTime()
    {
        var clock = new VirtualClock(Start);
        var options = new EngineOptions { MaximumTimerInterval = TimeSpan.FromDays(1) };
        await using var engine = await StartAsync(clock, options);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", TimeSpan.FromHours(60));

        await clock.AdvanceToAsync(Start.AddDays(30));

        Assert.Equal(Start.AddHours(60).UtcDateTime, await OutputAsync<DateTime>(engine, id));
    }

    [Fact]
    public async Task Schedule_ActionAtAVirtualInstant_RunsWhenTheClockGetsThere()
    {
        var clock = new VirtualClock(Start);
        await using var engine = await StartAsync(clock);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("AwaitReply", TimeSpan.FromDays(5));
        clock.Schedule(Start.AddDays(1), ct => engine.Client.RaiseEventAsync(id, "Reply", "yes", ct));

        await clock.AdvanceToAsync(Start.AddDays(10));

        Assert.Equal($"yes at {Start.AddDays(1).UtcDateTime:O}", await OutputAsync<string>(engine, id));
    }

    [Fact]
    public async Task Schedule_ActionsWithOneKey_RunInScheduledOrder()
    {
        var clock = new VirtualClock(Start);
        await using var engine = await StartAsync(clock);
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        for (var i = 0; i < 5; i++)
        {
            var step = i;
            // Earlier actions wait longer, so running them concurrently would reverse the order.
            clock.Schedule(Start.AddDays(1), "one", async ct =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 - (10 * step)), ct);
                order.Enqueue($"one-{step}");
            });
            clock.Schedule(Start.AddDays(1), "two", async ct =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 - (10 * step)), ct);
                order.Enqueue($"two-{step}");
            });
        }

        await clock.AdvanceToAsync(Start.AddDays(2));

        Assert.Equal(["one-0", "one-1", "one-2", "one-3", "one-4"], order.Where(o => o.StartsWith("one", StringComparison.Ordinal)));
        Assert.Equal(["two-0", "two-1", "two-2", "two-3", "two-4"], order.Where(o => o.StartsWith("two", StringComparison.Ordinal)));
        Assert.Equal(10, order.Count);
    }

    [Fact]
    public async Task AdvanceTo_EventBeatsTheTimer_DropsTheLosingTimer()
    {
        var clock = new VirtualClock(Start);
        await using var engine = await StartAsync(clock);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("AwaitReply", TimeSpan.FromDays(5));
        await clock.RunUntilIdleAsync();

        await engine.Client.RaiseEventAsync(id, "Reply", "early");
        await clock.RunUntilIdleAsync();

        Assert.Equal($"early at {Start.UtcDateTime:O}", await OutputAsync<string>(engine, id));
        Assert.Null(engine.Service.NextHeldTimer);
    }

    [Fact]
    public async Task AdvanceTo_TimersDueAtOneInstant_ReleasesThemTogether()
    {
        var clock = new VirtualClock(Start);
        await using var engine = await StartAsync(clock);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Sleep", TimeSpan.FromDays(1)));
        }

        await clock.AdvanceToAsync(Start.AddDays(1));

        foreach (var id in ids)
        {
            Assert.Equal(Start.AddDays(1).UtcDateTime, await OutputAsync<DateTime>(engine, id));
        }
    }

    [Fact]
    public async Task Activities_ReadTheVirtualClockThroughTimeProvider()
    {
        var clock = new VirtualClock(Start);
        await using var engine = await StartAsync(clock);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("SleepThenAsk", TimeSpan.FromDays(3));

        await clock.AdvanceToAsync(Start.AddDays(4));

        Assert.Equal(Start.AddDays(3), await OutputAsync<DateTimeOffset>(engine, id));
    }

    [Fact]
    public async Task CurrentTime_AfterReplay_StaysTheVirtualInstantOfEachStep()
    {
        var clock = new VirtualClock(Start);
        await using var engine = await StartAsync(clock);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Steps", 3);

        await clock.AdvanceToAsync(Start.AddDays(10));

        // Each step replays the earlier ones; a time that drifted between replays would show here.
        var expected = string.Join(",", Enumerable.Range(0, 4).Select(day => Start.AddDays(day).UtcDateTime.ToString("O")));
        Assert.Equal(expected, await OutputAsync<string>(engine, id));
    }

    static Task<DurableEngine> StartAsync(VirtualClock clock, EngineOptions? options = null) =>
        DurableEngine.StartAsync(new DurableEngineSettings
        {
            Clock = clock,
            Options = options ?? new EngineOptions(),
            RegisterTasks = TestTasks.Register,
        });

    static async Task<T> OutputAsync<T>(DurableEngine engine, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var instance = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return instance.ReadOutputAs<T>()!;
    }
}
