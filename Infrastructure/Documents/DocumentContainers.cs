using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CareerConv.Infrastructure.Storage;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// The private Blob containers of the documents: <c>notes</c>, <c>records</c> and <c>drafts</c>, each
/// under the installation's name prefix. Each container is created, without public access, on first use.
/// </summary>
public sealed class DocumentContainers
{
    public const string Notes = "notes";
    public const string Records = "records";
    public const string Drafts = "drafts";

    readonly StorageClients clients;
    readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> containers = new(StringComparer.Ordinal);

    public DocumentContainers(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        this.clients = clients;
        foreach (var name in new[] { Notes, Records, Drafts })
        {
            containers[name] = Create(name);
        }
    }

    /// <summary>Returns the client of one of the three containers, creating the container if it does not exist.</summary>
    public async Task<BlobContainerClient> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!containers.TryGetValue(name, out var container))
        {
            throw new ArgumentException(
                $"Unknown document container '{name}'; use '{Notes}', '{Records}' or '{Drafts}'.", nameof(name));
        }

        try
        {
            return await container.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (container.Value.IsFaulted)
        {
            // A failed creation (storage unreachable, say) is tried again on the next call, not cached.
            containers.TryUpdate(name, Create(name), container);
            throw;
        }
    }

    Lazy<Task<BlobContainerClient>> Create(string name) => new(async () =>
    {
        var container = clients.Container(name);
        await container.CreateIfNotExistsAsync(PublicAccessType.None).ConfigureAwait(false);
        return container;
    });
}
