using System.Collections.Concurrent;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Web.Forms;

/// <summary>Drafts kept in process memory: the default until a durable store is registered.</summary>
public sealed class InMemoryNotesDrafts : INotesDrafts
{
    readonly ConcurrentDictionary<string, ReflectionNotes> drafts = new(StringComparer.Ordinal);

    public Task SaveDraftAsync(string conversationId, ReflectionNotes notes, CancellationToken cancellationToken = default)
    {
        drafts[conversationId] = notes;
        return Task.CompletedTask;
    }

    public Task<ReflectionNotes?> ReadDraftAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(drafts.TryGetValue(conversationId, out var notes) ? notes : null);

    /// <summary>Removes a conversation's draft; returns whether there was one.</summary>
    public bool Remove(string conversationId) => drafts.TryRemove(conversationId, out _);
}
