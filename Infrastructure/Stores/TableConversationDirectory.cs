using Azure;
using Azure.Data.Tables;
using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Infrastructure.Stores;

/// <summary>Conversation ids to instance ids in Table storage, partitioned by the id's first two characters.</summary>
public sealed class TableConversationDirectory(StorageClients clients) : IConversationDirectory
{
    readonly TableClient table = clients.Table("Directory");
    readonly Lazy<Task> created = new(() => clients.Table("Directory").CreateIfNotExistsAsync());

    public async Task RegisterAsync(string conversationId, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        await created.Value;
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition(conversationId), conversationId) { ["InstanceId"] = instanceId }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await FindInstanceIdAsync(conversationId, cancellationToken);
            if (!string.Equals(existing, instanceId, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Conversation id '{conversationId}' already belongs to another instance; make a new conversation id.", ex);
            }
        }
    }

    public async Task<string?> FindInstanceIdAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(conversationId) || conversationId.Length < 2)
        {
            return null;
        }

        await created.Value;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(conversationId), conversationId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("InstanceId") : null;
    }

    static string Partition(string conversationId) => conversationId[..2];
}
