using CareerConv.Orchestrations.Privacy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Functions.Maintenance;

/// <summary>Deletes conversations past the retention period, every day at 03:00 UTC.</summary>
public static class RetentionFunctions
{
    [Function(nameof(PurgeExpiredConversations))]
    public static Task<RetentionResult> PurgeExpiredConversations(
        [TimerTrigger("0 0 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        context.InstanceServices.GetRequiredService<RetentionPurge>().PurgeAsync(client, context.CancellationToken);
}
