using System.Text.Json;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Web.Forms;

/// <summary>How sent reflection notes are stored: one JSON document per version.</summary>
public static class NotesJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Reads stored notes, or returns null when no document has that name.</summary>
    public static async Task<ReflectionNotes?> ReadAsync(IDocumentStore store, string blobName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var content = await store.OpenAsync(blobName, cancellationToken);
        return content is null ? null : await JsonSerializer.DeserializeAsync<ReflectionNotes>(content, Options, cancellationToken);
    }
}
