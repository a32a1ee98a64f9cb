using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Privacy;

namespace CareerConv.Infrastructure.Privacy;

/// <summary>
/// Erases a conversation from Azure Storage: its notes and drafts (named by conversation id), its record
/// forms (under <c>{faculty}/{cycle}/{staffNumber}/</c> and <c>{conversationId}/</c>), its timeline
/// partition and its directory entry. Blob soft delete, where the account has it, keeps deleted blobs
/// for its own retention days.
/// </summary>
public sealed class StorageConversationDataEraser(StorageClients clients) : IConversationDataEraser
{
    public async Task<int> EraseAsync(ConversationInput conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var id = conversation.ConversationId;
        var items = 0;
        items += await DeletePrefixAsync(clients.Container("notes"), $"{id}/", cancellationToken);
        items += await DeletePrefixAsync(clients.Container("drafts"), $"{id}.json", cancellationToken);
        items += await DeletePrefixAsync(clients.Container("records"), $"{id}/", cancellationToken);
        items += await DeletePrefixAsync(clients.Container("records"),
            $"{conversation.Faculty}/{conversation.Cycle}/{conversation.Staff.StaffNumber}/", cancellationToken);
        items += await DeletePartitionAsync(clients.Table("Timeline"), conversation.InstanceId, cancellationToken);
        items += await DeleteEntityAsync(clients.Table("Directory"), id[..Math.Min(2, id.Length)], id, cancellationToken);
        return items;
    }

    static async Task<int> DeletePrefixAsync(BlobContainerClient container, string prefix, CancellationToken cancellationToken)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken))
        {
            var response = await container.DeleteBlobIfExistsAsync(blob.Name, Azure.Storage.Blobs.Models.DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            deleted += response.Value ? 1 : 0;
        }

        return deleted;
    }

    static async Task<int> DeletePartitionAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var deleted = 0;
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table was never created: nothing was stored.
        }

        return deleted;
    }

    static async Task<int> DeleteEntityAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
            return response.Status == 204 ? 1 : 0;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
