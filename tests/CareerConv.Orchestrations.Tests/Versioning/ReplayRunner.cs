using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Workflow;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace CareerConv.Orchestrations.Tests.Versioning;

/// <summary>
/// Replays a recorded history through the Durable Task worker's own orchestration shim and DurableTask.Core's
/// executor, which is how the worker runs an orchestration. A durable call that does not match the
/// history makes the executor fail the orchestration with a non-determinism error.
/// </summary>
static class ReplayRunner
{
    /// <summary>Replays the history and returns the actions the code produced beyond those the history records.</summary>
    public static IReadOnlyList<OrchestratorAction> Replay(IList<HistoryEvent> history, ITaskOrchestrator orchestrator)
    {
        var runtimeState = new OrchestrationRuntimeState(history);
        var shim = new DurableTaskShimFactory().CreateOrchestration(WorkflowTasks.ConversationOrchestrator, orchestrator);
        var executor = new TaskOrchestrationExecutor(
            runtimeState, shim, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails);

        return [.. executor.Execute().Actions];
    }
}

/// <summary>The conversation orchestrator as the hosts register it.</summary>
sealed class CurrentConversation : TaskOrchestrator<ConversationInput, ConversationOutcome>
{
    public override Task<ConversationOutcome> RunAsync(TaskOrchestrationContext context, ConversationInput input) =>
        ConversationOrchestrator.RunAsync(context, input);
}

/// <summary>An unsafe change: a durable timer added before the first activity call.</summary>
sealed class TimerAddedFirst : TaskOrchestrator<ConversationInput, ConversationOutcome>
{
    public override async Task<ConversationOutcome> RunAsync(TaskOrchestrationContext context, ConversationInput input)
    {
        await context.CreateTimer(context.CurrentUtcDateTime, CancellationToken.None);
        return await ConversationOrchestrator.RunAsync(context, input);
    }
}
