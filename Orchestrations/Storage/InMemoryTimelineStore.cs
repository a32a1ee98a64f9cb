using System.Collections.Concurrent;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Storage;

/// <summary>A timeline kept in process memory, for tests and the in-memory engine.</summary>
public sealed class InMemoryTimelineStore : ITimelineStore
{
    readonly ConcurrentDictionary<string, List<TimelineEntry>> entries = new(StringComparer.Ordinal);

    public Task AppendAsync(TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var list = entries.GetOrAdd(entry.InstanceId, _ => []);
        lock (list)
        {
            var duplicate = entry.Reference is not null && list.Exists(
                e => e.Kind == entry.Kind && e.Reference == entry.Reference);
            if (!duplicate)
            {
                list.Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TimelineEntry>> ReadAsync(
        string instanceId, CancellationToken cancellationToken = default)
    {
        if (!entries.TryGetValue(instanceId, out var list))
        {
            return Task.FromResult<IReadOnlyList<TimelineEntry>>([]);
        }

        lock (list)
        {
            return Task.FromResult<IReadOnlyList<TimelineEntry>>([.. list.OrderBy(e => e.At)]);
        }
    }

    /// <summary>Removes a conversation's timeline; returns how many entries it had.</summary>
    public int Remove(string instanceId) => entries.TryRemove(instanceId, out var list) ? list.Count : 0;
}
