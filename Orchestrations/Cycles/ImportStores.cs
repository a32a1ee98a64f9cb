using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>
/// Remembers who has been started in which cycle. The engine rejects a second start only while an
/// instance exists, so after a conversation completes and is purged, this ledger is what stops a
/// second import of the same roster from starting it again.
/// </summary>
public interface IImportLedger
{
    /// <summary>Returns the staff numbers already started in the cycle.</summary>
    Task<IReadOnlySet<string>> StartedAsync(string cycle, CancellationToken cancellationToken = default);

    /// <summary>Records a start; recording the same staff member again keeps the first record.</summary>
    Task RecordAsync(string cycle, string staffNumber, string importId, DateTimeOffset startedAt, CancellationToken cancellationToken = default);
}

/// <summary>The conversations of one import, kept in batches until the cycle orchestration starts them.</summary>
public interface IImportBatches
{
    Task SaveAsync(string importId, int batch, IReadOnlyList<ConversationInput> inputs, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConversationInput>> ReadAsync(string importId, int batch, CancellationToken cancellationToken = default);
}
