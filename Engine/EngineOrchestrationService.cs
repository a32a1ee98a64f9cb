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
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient,
      IOrchestrationServicePurgeClient, IEngineActivity
{
    readonly IOrchestrationServiceClient client = inner as IOrchestrationServiceClient
        ?? throw new ArgumentException($"{inner.GetType().Name} is not an orchestration service client.", nameof(inner));

    static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(2);
    // Longer than the sidecar dispatcher's 500 ms poll while it is at its concurrency limit, so a
    // throttled dispatcher is never taken for an idle engine.
    static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    readonly HeldTimers heldTimers = new();
    long queuedMessages;
    long runningWorkItems;
    long progress;

    /// <summary>The backend this service wraps.</summary>
    public IOrchestrationService Inner => inner;

    /// <summary>Messages in the backend that no work item has picked up yet.</summary>
    public long QueuedMessages => Interlocked.Read(ref queuedMessages);

    /// <summary>Orchestration and activity work items running now.</summary>
    public long RunningWorkItems => Interlocked.Read(ref runningWorkItems);

    bool IsBusy => RunningWorkItems > 0 || QueuedMessages > 0;

    /// <summary>The fire time of the earliest timer held for the virtual clock, if any.</summary>
    public DateTime? NextHeldTimer => heldTimers.Earliest;

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => options.MaxConcurrentOrchestrations;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => options.MaxConcurrentActivities;

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) =>
        inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) =>
        inner.GetDelayInSecondsAfterOnFetchException(exception);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(
        TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            // Count the work item as running before its messages leave the queue, so the engine never
            // looks idle in between.
            Interlocked.Increment(ref runningWorkItems);
            Interlocked.Add(ref queuedMessages, -workItem.NewMessages.Count);
        }

        return workItem!;
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public async Task CompleteTaskOrchestrationWorkItemAsync(
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
            await inner.CompleteTaskOrchestrationWorkItemAsync(
                workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, dueTimers,
                continuedAsNewMessage, orchestrationState);
        }
        catch
        {
            Interlocked.Add(ref queuedMessages, -sent);
            throw;
        }
    }

    public async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        Interlocked.Add(ref queuedMessages, workItem.NewMessages.Count);
        await inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            await inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
        }
        finally
        {
            FinishWorkItem();
        }
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(
        TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            Interlocked.Increment(ref runningWorkItems);
            Interlocked.Decrement(ref queuedMessages);
        }

        return workItem!;
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        Interlocked.Increment(ref queuedMessages);
        try
        {
            await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
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

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        Interlocked.Increment(ref queuedMessages);
        try
        {
            await inner.AbandonTaskActivityWorkItemAsync(workItem);
        }
        finally
        {
            FinishWorkItem();
        }
    }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) =>
        CountAsync(1, () => client.CreateTaskOrchestrationAsync(BackendEvents.Normalize(creationMessage)));

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        CountAsync(1, () => client.CreateTaskOrchestrationAsync(BackendEvents.Normalize(creationMessage), dedupeStatuses));

    public async Task SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The backend drops a message for a finished instance; it is not counted, or the engine would
        // never look idle again.
        if (await IsFinishedAsync(message.OrchestrationInstance.InstanceId))
        {
            await client.SendTaskOrchestrationMessageAsync(message);
            return;
        }

        await CountAsync(1, () => client.SendTaskOrchestrationMessageAsync(message));
    }

    public async Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await SendTaskOrchestrationMessageAsync(message);
        }
    }

    public Task<OrchestrationState> WaitForOrchestrationAsync(
        string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        client.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = new ExecutionTerminatedEvent(-1, reason),
        });

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        client.GetOrchestrationStateAsync(instanceId, allExecutions);

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        client.GetOrchestrationStateAsync(instanceId, executionId);

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) =>
        client.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(
        DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        client.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(
        OrchestrationQuery query, CancellationToken cancellationToken) =>
        Require<IOrchestrationServiceQueryClient>("instance queries")
            .GetOrchestrationWithQueryAsync(query, cancellationToken);

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) =>
        Require<IOrchestrationServicePurgeClient>("purge").PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) =>
        Require<IOrchestrationServicePurgeClient>("purge").PurgeInstanceStateAsync(purgeInstanceFilter);

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
        var state = await client.GetOrchestrationStateAsync(instanceId, executionId: null!);
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

    T Require<T>(string feature)
        where T : class =>
        inner as T ?? throw new NotSupportedException($"The {inner.GetType().Name} backend does not support {feature}.");
}
