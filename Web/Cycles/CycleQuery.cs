using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Cycles;
using CareerConv.Web.Routing;
using Microsoft.DurableTask.Client;

namespace CareerConv.Web.Cycles;

/// <summary>One conversation as the progress pages see it: who, where, and its published status.</summary>
public sealed record ConversationSummary(
    string InstanceId, ConversationInput Input, OrchestrationRuntimeStatus RuntimeStatus, ConversationStatus? Status);

/// <summary>
/// Reads the conversations of a cycle from the engine: their inputs and custom status, never history.
/// </summary>
public static class CycleQuery
{
    const int PageSize = 500;

    public static async IAsyncEnumerable<ConversationSummary> ConversationsAsync(
        DurableTaskClient client, string cycle,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = ConversationIdentity.NormaliseCycle(cycle) + ":",
            FetchInputsAndOutputs = true,
            PageSize = PageSize,
        };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.InstanceId.StartsWith('~') || instance.ReadInputAs<ConversationInput>() is not { } input)
            {
                continue;
            }

            var status = instance.SerializedCustomStatus is { } json
                ? JsonSerializer.Deserialize<ConversationStatus>(json, WebJson.Options)
                : null;
            yield return new ConversationSummary(instance.InstanceId, input, instance.RuntimeStatus, status);
        }
    }

    /// <summary>Reads the progress of an import's cycle orchestration, or null when there is none.</summary>
    public static async Task<CycleStartStatus?> ImportProgressAsync(DurableTaskClient client, string importId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(CycleStartIds.For(importId), getInputsAndOutputs: true, cancellationToken);
        return instance?.SerializedCustomStatus is { } json
            ? JsonSerializer.Deserialize<CycleStartStatus>(json, WebJson.Options)
            : null;
    }
}
