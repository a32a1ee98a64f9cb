using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.Options;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// Keeps each conversation's saved draft as one JSON blob, <c>{conversationId}.json</c> in the private
/// <c>drafts</c> container; each save overwrites the last. A draft is held to the same size limit as sent notes.
/// </summary>
public sealed class BlobNotesDrafts(DocumentContainers containers, IOptions<DocumentOptions> options) : INotesDrafts
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly DocumentOptions settings = options.Value;

    public async Task SaveDraftAsync(string conversationId, ReflectionNotes notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var id = DocumentBlobNames.CheckConversationId(conversationId);
        var json = JsonSerializer.SerializeToUtf8Bytes(notes, Json);
        if (json.LongLength > settings.MaxNotesBytes)
        {
            throw new DocumentTooLargeException($"The draft of the reflection notes for conversation {id}", settings.MaxNotesBytes);
        }

        var container = await containers.GetAsync(DocumentContainers.Drafts, cancellationToken).ConfigureAwait(false);
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        await container.GetBlobClient(DraftName(id)).UploadAsync(new BinaryData(json), upload, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<ReflectionNotes?> ReadDraftAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var id = DocumentBlobNames.CheckConversationId(conversationId);
        var container = await containers.GetAsync(DocumentContainers.Drafts, cancellationToken).ConfigureAwait(false);
        try
        {
            var download = await container.GetBlobClient(DraftName(id)).DownloadContentAsync(cancellationToken)
                .ConfigureAwait(false);
            return download.Value.Content.ToObjectFromJson<ReflectionNotes>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    static string DraftName(string conversationId) => conversationId + ".json";
}
