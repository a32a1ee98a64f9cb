using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// Stores reflection notes (<c>application/json</c>, in the <c>notes</c> container) and record forms
/// (<c>application/pdf</c>, in the <c>records</c> container) as one block blob per version. The content
/// is read in blocks of at most 4 MiB, hashed and staged as it arrives, and the block list is committed
/// only if no blob of that name exists yet (If-None-Match: *), so a version is never overwritten. The
/// SHA-256 and size are kept as blob metadata too.
/// </summary>
public sealed partial class BlobDocumentStore(
    DocumentContainers containers, IOptions<DocumentOptions> options, ILogger<BlobDocumentStore> logger) : IDocumentStore
{
    const int BlockSize = 4 * 1024 * 1024;

    readonly DocumentOptions settings = options.Value;

    public async Task<StoredDocument> SaveAsync(
        DocumentKind kind, string conversationId, int version, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = DocumentBlobNames.CheckConversationId(conversationId);
        var name = DocumentNames.For(kind, id, version);
        var isNotes = kind == DocumentKind.Notes;
        var maxBytes = isNotes ? settings.MaxNotesBytes : settings.MaxRecordBytes;
        var label = isNotes ? $"Reflection notes for conversation {id}" : $"The record form for conversation {id}";

        var container = await containers.GetAsync(isNotes ? DocumentContainers.Notes : DocumentContainers.Records, cancellationToken)
            .ConfigureAwait(false);
        var blob = container.GetBlockBlobClient(name);
        var staged = await StageBlocksAsync(blob, content, maxBytes, label, cancellationToken).ConfigureAwait(false);

        var commit = new CommitBlockListOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = isNotes ? "application/json" : "application/pdf" },
            Metadata = DocumentMetadata.For(staged.Sha256, staged.SizeBytes, id, version),
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.CommitBlockListAsync(staged.BlockIds, commit, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new InvalidOperationException(
                $"Document '{name}' already exists; store the change as the next version.", ex);
        }

        LogStored(logger, name, staged.SizeBytes);
        return new StoredDocument(name, staged.Sha256, staged.SizeBytes);
    }

    public async Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken = default)
    {
        // A name that this store could never have made names no blob.
        var containerName = DocumentBlobNames.ContainerFor(blobName);
        if (containerName is null)
        {
            return null;
        }

        var container = await containers.GetAsync(containerName, cancellationToken).ConfigureAwait(false);
        try
        {
            var download = await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the content block by block, staging each block and hashing it. Raises
    /// <see cref="DocumentTooLargeException"/> as soon as more than <paramref name="maxBytes"/> have been read,
    /// before that block is staged; blocks already staged stay uncommitted, and Azure Storage discards uncommitted blocks after a week.
    /// </summary>
    static async Task<StagedBlocks> StageBlocksAsync(
        BlockBlobClient blob, Stream content, long maxBytes, string label, CancellationToken cancellationToken)
    {
        var bufferSize = (int)Math.Min(BlockSize, maxBytes + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Block ids must all have the same length; a random prefix keeps them apart from a concurrent writer's.
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var blockIds = new List<string>();
        long total = 0;
        try
        {
            while (true)
            {
                var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, bufferSize), bufferSize, false, cancellationToken)
                    .ConfigureAwait(false);
                if (filled == 0)
                {
                    break;
                }

                total += filled;
                if (total > maxBytes)
                {
                    throw new DocumentTooLargeException(label, maxBytes);
                }

                hash.AppendData(buffer, 0, filled);
                var blockId = Convert.ToBase64String(
                    Encoding.ASCII.GetBytes(prefix + blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)));
                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken).ConfigureAwait(false);
                blockIds.Add(blockId);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new StagedBlocks(blockIds, Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    sealed record StagedBlocks(IReadOnlyList<string> BlockIds, string Sha256, long SizeBytes);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Stored document {BlobName} ({SizeBytes} bytes)")]
    static partial void LogStored(ILogger logger, string blobName, long sizeBytes);
}
