using CareerConv.Engine;
using DurableTask.Core;

namespace CareerConv.Benchmarks.Counting;

/// <summary>
/// Sits between the engine and its backend and counts what the engine does: work items locked, and
/// the history events each completed orchestration work item added (see <see cref="DurableActionCounter"/>).
/// Everything else passes through unchanged.
/// </summary>
sealed class CountingOrchestrationService(IOrchestrationService inner, DurableActionCounter counter)
    : ForwardingOrchestrationService(inner)
{
    public DurableActionCounter Counter => counter;

    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(
        TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await base.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            counter.OrchestrationWorkItemLocked();
        }

        return workItem!;
    }

    public override Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        // Counted before the backend stores the state, so a caller that finds the instance finished
        // also finds its counts.
        counter.Record(newOrchestrationRuntimeState);
        return base.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages,
            continuedAsNewMessage, orchestrationState);
    }

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(
        TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await base.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            counter.ActivityWorkItemLocked();
        }

        return workItem!;
    }
}
