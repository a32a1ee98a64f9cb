using System.Runtime.CompilerServices;
using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Routing;
using Microsoft.DurableTask.Client;

namespace CareerConv.Web.Forms;

/// <summary>One conversation as a query returns it.</summary>
public sealed record ConversationSummary(string InstanceId, ConversationInput Input, ConversationStatus Status);

/// <summary>Finds conversations by cycle, for pages that act on more than one.</summary>
public interface IConversationQuery
{
    /// <summary>
    /// Lists the conversations of one cycle, or of every cycle when <paramref name="cycle"/> is null,
    /// that have published a status.
    /// </summary>
    IAsyncEnumerable<ConversationSummary> ListAsync(DurableTaskClient client, string? cycle, CancellationToken cancellationToken = default);
}

/// <summary>
/// Queries the engine's instances by the instance id prefix <c>{cycle}:</c>, with inputs and custom status.
/// </summary>
/// <remarks>NOTE: without a cycle this reads every instance, which suits one university's numbers, not more.</remarks>
public sealed class DurableConversationQuery : IConversationQuery
{
    public async IAsyncEnumerable<ConversationSummary> ListAsync(
        DurableTaskClient client, string? cycle, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = cycle is null ? null : ConversationIdentity.NormaliseCycle(cycle) + ":",
            FetchInputsAndOutputs = true,
        };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.SerializedInput is null || instance.SerializedCustomStatus is null)
            {
                continue;
            }

            var input = JsonSerializer.Deserialize<ConversationInput>(instance.SerializedInput, WebJson.Options);
            var status = JsonSerializer.Deserialize<ConversationStatus>(instance.SerializedCustomStatus, WebJson.Options);
            if (input is not null && status is not null)
            {
                yield return new ConversationSummary(instance.InstanceId, input, status);
            }
        }
    }
}
