using System.Collections.Concurrent;
using CareerConv.Engine;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar;

namespace CareerConv.Orchestrations.Tests.Versioning;

/// <summary>
/// An in-memory backend that keeps the latest full history of every orchestration it runs. The
/// in-memory backend has no history query, so the history is taken each time a work item completes.
/// </summary>
sealed class HistoryRecorder() : ForwardingOrchestrationService(new InMemoryOrchestrationService())
{
    readonly ConcurrentDictionary<string, HistoryEvent[]> histories = new(StringComparer.Ordinal);

    /// <summary>Returns the history of an instance as of its last completed work item.</summary>
    public IReadOnlyList<HistoryEvent> HistoryOf(string instanceId) =>
        histories.TryGetValue(instanceId, out var events)
            ? events
            : throw new KeyNotFoundException($"No history was recorded for instance '{instanceId}'.");

    public override Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
        histories[newOrchestrationRuntimeState.OrchestrationInstance!.InstanceId] = [.. newOrchestrationRuntimeState.Events];
        return base.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages,
            continuedAsNewMessage, orchestrationState);
    }
}
