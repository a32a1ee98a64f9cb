using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Cycles;

namespace CareerConv.Infrastructure.Stores;

/// <summary>Import batches as JSON blobs <c>{importId}/{batch}.json</c> in a private container.</summary>
public sealed class BlobImportBatches(StorageClients clients) : IImportBatches
{
    readonly BlobContainerClient container = clients.Container("imports");
    readonly Lazy<Task> created = new(() => clients.Container("imports").CreateIfNotExistsAsync());

    public async Task SaveAsync(string importId, int batch, IReadOnlyList<ConversationInput> inputs, CancellationToken cancellationToken = default)
    {
        await created.Value;
        var json = JsonSerializer.SerializeToUtf8Bytes(inputs);
        await container.GetBlobClient(Name(importId, batch)).UploadAsync(BinaryData.FromBytes(json), overwrite: true, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationInput>> ReadAsync(string importId, int batch, CancellationToken cancellationToken = default)
    {
        await created.Value;
        try
        {
            var content = await container.GetBlobClient(Name(importId, batch)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<List<ConversationInput>>()
                ?? throw new InvalidDataException($"Import '{importId}' batch {batch} is empty.");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new KeyNotFoundException($"Import '{importId}' has no batch {batch}.", ex);
        }
    }

    static string Name(string importId, int batch) => $"{importId}/{batch}.json";
}
