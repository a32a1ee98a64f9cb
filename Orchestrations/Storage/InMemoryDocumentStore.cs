using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CareerConv.Orchestrations.Storage;

/// <summary>Documents kept in process memory, for tests and the in-memory engine.</summary>
public sealed class InMemoryDocumentStore : IDocumentStore
{
    readonly ConcurrentDictionary<string, byte[]> blobs = new(StringComparer.Ordinal);

    public async Task<StoredDocument> SaveAsync(
        DocumentKind kind, string conversationId, int version, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = DocumentNames.For(kind, conversationId, version);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (!blobs.TryAdd(name, bytes))
        {
            throw new InvalidOperationException($"Document '{name}' already exists; store the change as the next version.");
        }

        return new StoredDocument(name, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
    }

    public Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(blobs.TryGetValue(blobName, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    /// <summary>Removes every document of a conversation; returns how many there were.</summary>
    public int RemoveConversation(string conversationId)
    {
        var names = blobs.Keys.Where(name => name.Contains($"/{conversationId}/", StringComparison.Ordinal)).ToList();
        return names.Count(name => blobs.TryRemove(name, out _));
    }
}
