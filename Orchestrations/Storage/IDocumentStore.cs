namespace CareerConv.Orchestrations.Storage;

/// <summary>What a stored document is: a staff member's reflection notes or a signed record form.</summary>
public enum DocumentKind
{
    Notes,
    Record,
}

/// <summary>A stored document: its blob name, the SHA-256 of its content in lower-case hex, and its size.</summary>
public sealed record StoredDocument(string BlobName, string Sha256, long SizeBytes);

/// <summary>
/// Stores reflection notes and record forms, and reads them back. Each version is a new blob, so a
/// corrected record never overwrites the one the coordinator may already have filed. Events carry the
/// returned blob name and checksum, never the content.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores one version of a document and returns its name and checksum.</summary>
    Task<StoredDocument> SaveAsync(
        DocumentKind kind, string conversationId, int version, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored document for reading, or returns null when no blob has that name.</summary>
    Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken = default);
}

/// <summary>Blob names of stored documents: <c>notes/{conversationId}/{version}.json</c> and <c>records/{conversationId}/{version}.pdf</c>.</summary>
public static class DocumentNames
{
    public static string For(DocumentKind kind, string conversationId, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return kind switch
        {
            DocumentKind.Notes => $"notes/{conversationId}/{version}.json",
            _ => $"records/{conversationId}/{version}.pdf",
        };
    }
}
