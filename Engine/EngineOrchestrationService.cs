using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace CareerConv.Engine;

/// <summary>
/// Wraps the backend the sidecar runs on. It raises the concurrency limits, counts the work that is
/// queued or running so callers can wait until the engine is idle, and, with a virtual clock, holds
/// each timer until the clock reaches its fire time.
/// </summary>
public sealed class EngineOrchestrationService(
    IOrchestrationService inner,
    EngineOptions options,
    VirtualClock? clock = null)
    : ForwardingOrchestrationService(inner), IEngineActivity
{
    static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(2);
    // Longer than the sidecar dispatcher's 500 ms poll while it is at its concurrency limit, so a
    // throttled dispatcher is never taken for an idle engine.
    static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    readonly HeldTimers heldTimers = new();
    long queuedMessages;
    long runningWorkItems;
    long progress;

    /// <summary>Messages in the backend that no work item has picked up yet.</summary>
    public long QueuedMessages => Interlocked.Read(ref queuedMessages);

    /// <summary>Orchestration and activity work items running now.</summary>
    public long RunningWorkItems => Interlocked.Read(ref runningWorkItems);

    bool IsBusy => RunningWorkItems > 0 || QueuedMessages > 0;

    /// <summary>The fire time of the earliest timer held for the virtual clock, if any.</summary>
    public DateTime? NextHeldTimer => heldTimers.Earliest;

    public override int MaxConcurrentTaskOrchestrationWorkItems => options.MaxConcurrentOrchestrations;

    public override int MaxConcurrentTaskActivityWorkItems => options.MaxConcurrentActivities;

    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(
        TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            // Count the work item as running before its messages leave the queue, so the engine never
            // looks idle in between.
            Interlocked.Increment(ref runningWorkItems);
            Interlocked.Add(ref queuedMessages, -workItem.NewMessages.Count);
        }

        return workItem!;
    }

    public override async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
        BackendEvents.Normalize(newOrchestrationRuntimeState);
        BackendEvents.Normalize(outboundMessages);
        BackendEvents.Normalize(orchestratorMessages);
        var dueTimers = TakeDueTimers(newOrchestrationRuntimeState, timerMessages);
        var sent = outboundMessages.Count + orchestratorMessages.Count + dueTimers.Count
            + (continuedAsNewMessage is null ? 0 : 1);
        Interlocked.Add(ref queuedMessages, sent);
        try
        {
            await Inner.CompleteTaskOrchestrationWorkItemAsync(
                workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, dueTimers,
                continuedAsNewMessage, orchestrationState);
        }
        catch
        {
            Interlocked.Add(ref queuedMessages, -sent);
            throw;
        }
    }

    public override async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        Interlocked.Add(ref queuedMessages, workItem.NewMessages.Count);
        await Inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public override async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            await Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
        }
        finally
        {
            FinishWorkItem();
        }
    }

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(
        TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await Inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            Interlocked.Increment(ref runningWorkItems);
            Interlocked.Decrement(ref queuedMessages);
        }

        return workItem!;
    }

    public override async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        Interlocked.Increment(ref queuedMessages);
        try
        {
            await Inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        }
        catch
        {
            Interlocked.Decrement(ref queuedMessages);
            throw;
        }
        finally
        {
            FinishWorkItem();
        }
    }

    public override async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        Interlocked.Increment(ref queuedMessages);
        try
        {
            await Inner.AbandonTaskActivityWorkItemAsync(workItem);
        }
        finally
        {
            FinishWorkItem();
        }
    }

    public override Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) =>
        CountAsync(1, () => Client.CreateTaskOrchestrationAsync(BackendEvents.Normalize(creationMessage)));

    public override Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        CountAsync(1, () => Client.CreateTaskOrchestrationAsync(BackendEvents.Normalize(creationMessage), dedupeStatuses));

    public override async Task SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The backend drops a message for a finished instance; it is not counted, or the engine would
        // never look idle again.
        if (await IsFinishedAsync(message.OrchestrationInstance.InstanceId))
        {
            await Client.SendTaskOrchestrationMessageAsync(message);
            return;
        }

        await CountAsync(1, () => Client.SendTaskOrchestrationMessageAsync(message));
    }

    public override async Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await SendTaskOrchestrationMessageAsync(message);
        }
    }

    public override Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = new ExecutionTerminatedEvent(-1, reason),
        });

    /// <summary>
    /// Waits until no work item runs and no message waits. Timers held for the virtual clock do not
    /// count: they wait for the clock, not for the engine.
    /// </summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        var lastProgress = -1L;
        var quietSince = DateTime.UtcNow;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsBusy)
            {
                // Checked twice so a message handed from one work item to the next is not missed.
                await Task.Delay(IdlePoll, cancellationToken);
                if (!IsBusy)
                {
                    return;
                }
            }

            var current = Interlocked.Read(ref progress);
            if (current != lastProgress || RunningWorkItems > 0)
            {
                lastProgress = current;
                quietSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - quietSince > QuietPeriod)
            {
                // A message that the backend dropped, such as an event raised to a finished instance,
                // stays counted. Nothing has run for a while, so the engine is idle.
                return;
            }

            await Task.Delay(IdlePoll, cancellationToken);
        }
    }

    async Task IEngineActivity.ReleaseTimersAsync(DateTime dueBy)
    {
        foreach (var timer in heldTimers.TakeDue(dueBy))
        {
            await SendTaskOrchestrationMessageAsync(FireNow(timer));
        }
    }

    List<TaskMessage> TakeDueTimers(OrchestrationRuntimeState state, IList<TaskMessage> timerMessages)
    {
        var instanceId = state.OrchestrationInstance?.InstanceId ?? string.Empty;
        if (clock is null)
        {
            return [.. timerMessages];
        }

        if (IsFinished(state.OrchestrationStatus))
        {
            heldTimers.Forget(instanceId);
            return [];
        }

        var due = new List<TaskMessage>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var message in timerMessages)
        {
            if (message.Event is TimerFiredEvent fired && fired.FireAt > now)
            {
                heldTimers.Hold(instanceId, fired.FireAt, message);
            }
            else
            {
                due.Add(FireNow(message));
            }
        }

        return due;
    }

    // The backend delays a timer until the machine's clock reaches its fire time. A timer that the
    // virtual clock has reached is therefore handed over stamped with the machine's time, and the
    // history the worker sees maps that stamp back to the virtual instant.
    static TaskMessage FireNow(TaskMessage message)
    {
        if (message.Event is not TimerFiredEvent fired)
        {
            return message;
        }

        return new TaskMessage
        {
            OrchestrationInstance = message.OrchestrationInstance,
            Event = new TimerFiredEvent(-1, DateTime.UtcNow) { TimerId = fired.TimerId },
        };
    }

    async Task<bool> IsFinishedAsync(string instanceId)
    {
        var state = await Client.GetOrchestrationStateAsync(instanceId, executionId: null!);
        return state is not null && IsFinished(state.OrchestrationStatus);
    }

    static bool IsFinished(OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed
            or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;

    async Task CountAsync(int count, Func<Task> send)
    {
        Interlocked.Add(ref queuedMessages, count);
        try
        {
            await send();
        }
        catch
        {
            Interlocked.Add(ref queuedMessages, -count);
            throw;
        }
    }

    void FinishWorkItem()
    {
        Interlocked.Increment(ref progress);
        Interlocked.Decrement(ref runningWorkItems);
    }
}
