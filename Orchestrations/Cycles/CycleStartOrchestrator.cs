using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>
/// Starts the conversations of one roster import, batch by batch, so a cycle of 10,000 staff is a
/// short history of batch results rather than 10,000 starts in one orchestration. Its custom status
/// shows the progress after every batch.
/// </summary>
public static class CycleStartOrchestrator
{
    public static async Task<CycleStartStatus> RunAsync(TaskOrchestrationContext context, CycleStartInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = new CycleStartStatus(input.Total, input.BatchCount, 0, 0, 0, 0);
        context.SetCustomStatus(status);
        for (var batch = 0; batch < input.BatchCount; batch++)
        {
            var outcome = await context.CallActivityAsync<BatchOutcome>(
                WorkflowTasks.StartConversationBatchActivity,
                new StartBatchRequest(input.ImportId, input.Cycle, batch),
                ActivityRetry.Options);
            status = status with
            {
                BatchesDone = batch + 1,
                Started = status.Started + outcome.Started,
                AlreadyStarted = status.AlreadyStarted + outcome.AlreadyStarted,
                Failed = status.Failed + outcome.Failed,
            };
            context.SetCustomStatus(status);
        }

        return status;
    }
}
