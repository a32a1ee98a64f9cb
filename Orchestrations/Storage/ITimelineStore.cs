using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Storage;

/// <summary>The audit timeline of each conversation, appended by activities.</summary>
public interface ITimelineStore
{
    /// <summary>
    /// Appends an entry. An entry with the same instance, kind and reference as one already stored is
    /// not added again, so an activity that runs twice writes one line.
    /// </summary>
    Task AppendAsync(TimelineEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads a conversation's entries in the order they happened.</summary>
    Task<IReadOnlyList<TimelineEntry>> ReadAsync(string instanceId, CancellationToken cancellationToken = default);
}
