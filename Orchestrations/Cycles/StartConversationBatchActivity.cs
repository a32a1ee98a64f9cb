using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>
/// Starts one batch of conversations. The engine's own start semantics reject a second start of an
/// existing instance id, so a batch that runs twice (a retry) starts no conversation twice. The import
/// ledger covers conversations that have completed and been purged since.
/// </summary>
public sealed partial class StartConversationBatchActivity(
    IImportBatches batches,
    IImportLedger ledger,
    IConversationDirectory directory,
    TimeProvider clock,
    ILogger<StartConversationBatchActivity> logger)
{
    public async Task<BatchOutcome> RunAsync(StartBatchRequest input, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(client);
        var inputs = await batches.ReadAsync(input.ImportId, input.Batch, cancellationToken);
        var started = await ledger.StartedAsync(input.Cycle, cancellationToken);
        int newlyStarted = 0, alreadyStarted = 0;
        var failures = new List<string>();
        foreach (var conversation in inputs)
        {
            if (started.Contains(conversation.Staff.StaffNumber))
            {
                alreadyStarted++;
                continue;
            }

            try
            {
                await directory.RegisterAsync(conversation.ConversationId, conversation.InstanceId, cancellationToken);
                var options = new StartOrchestrationOptions(conversation.InstanceId).WithDedupeStatuses(ConversationStarts.RejectWhen);
                await client.ScheduleNewOrchestrationInstanceAsync(
                    WorkflowTasks.ConversationOrchestrator, conversation, options, cancellationToken);
                newlyStarted++;
            }
            catch (Exception ex) when (ConversationStarts.IsAlreadyStarted(ex))
            {
                alreadyStarted++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad start must not stop the batch; the failure is counted and logged, and a
                // second import of the roster retries it.
                LogStartFailed(logger, ex, conversation.InstanceId);
                failures.Add($"{conversation.Staff.StaffNumber}: {ex.Message}");
                continue;
            }

            await ledger.RecordAsync(input.Cycle, conversation.Staff.StaffNumber, input.ImportId, clock.GetUtcNow(), cancellationToken);
        }

        return new BatchOutcome(newlyStarted, alreadyStarted, failures.Count, failures);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "Starting conversation {InstanceId} failed")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string instanceId);
}
