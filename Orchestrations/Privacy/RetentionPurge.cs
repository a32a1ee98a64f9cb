using CareerConv.Orchestrations.Contracts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerConv.Orchestrations.Privacy;

/// <summary>What one retention run deleted.</summary>
public sealed record RetentionResult(int Conversations, int Items, DateTimeOffset Cutoff);

/// <summary>
/// Deletes conversations that finished longer ago than the retention period: their data through
/// <see cref="IConversationDataEraser"/>, then their orchestration history. Running conversations are
/// never touched. A timer runs it daily in the Functions app and the local host.
/// </summary>
public sealed partial class RetentionPurge(
    IConversationDataEraser eraser, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    static readonly OrchestrationRuntimeStatus[] Finished =
    [
        OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Failed,
    ];

    public async Task<RetentionResult> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var cutoff = clock.GetUtcNow() - options.Value.Period;
        var query = new OrchestrationQuery { Statuses = Finished, FetchInputsAndOutputs = true, PageSize = 200 };
        var expired = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.LastUpdatedAt <= cutoff)
            {
                expired.Add(instance);
            }
        }

        var items = 0;
        foreach (var instance in expired)
        {
            if (!instance.InstanceId.StartsWith('~') && instance.ReadInputAs<ConversationInput>() is { } conversation)
            {
                items += await eraser.EraseAsync(conversation, cancellationToken);
            }

            await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken);
        }

        LogPurged(logger, expired.Count, items, cutoff);
        return new RetentionResult(expired.Count, items, cutoff);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "Retention purge deleted {Conversations} finished conversations and {Items} stored items older than {Cutoff}")]
    private static partial void LogPurged(ILogger logger, int conversations, int items, DateTimeOffset cutoff);
}
