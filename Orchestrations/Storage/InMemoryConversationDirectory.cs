using System.Collections.Concurrent;

namespace CareerConv.Orchestrations.Storage;

/// <summary>A conversation directory kept in process memory, for tests and the in-memory engine.</summary>
public sealed class InMemoryConversationDirectory : IConversationDirectory
{
    readonly ConcurrentDictionary<string, string> instances = new(StringComparer.Ordinal);

    public Task RegisterAsync(string conversationId, string instanceId, CancellationToken cancellationToken = default)
    {
        var stored = instances.GetOrAdd(conversationId, instanceId);
        if (stored != instanceId)
        {
            throw new InvalidOperationException(
                $"Conversation id '{conversationId}' already belongs to another instance.");
        }

        return Task.CompletedTask;
    }

    public Task<string?> FindInstanceIdAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(instances.TryGetValue(conversationId, out var instanceId) ? instanceId : null);

    /// <summary>Removes a conversation's entry; returns whether there was one.</summary>
    public bool Remove(string conversationId) => instances.TryRemove(conversationId, out _);
}
