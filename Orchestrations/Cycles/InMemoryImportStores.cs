using System.Collections.Concurrent;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>An import ledger in process memory, for tests and the in-memory engine.</summary>
public sealed class InMemoryImportLedger : IImportLedger
{
    readonly ConcurrentDictionary<(string Cycle, string StaffNumber), string> started = new();

    public Task<IReadOnlySet<string>> StartedAsync(string cycle, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(
            started.Keys.Where(k => k.Cycle == cycle).Select(k => k.StaffNumber).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public Task RecordAsync(string cycle, string staffNumber, string importId, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        started.TryAdd((cycle, staffNumber.ToUpperInvariant()), importId);
        return Task.CompletedTask;
    }
}

/// <summary>Import batches in process memory, for tests and the in-memory engine.</summary>
public sealed class InMemoryImportBatches : IImportBatches
{
    readonly ConcurrentDictionary<(string ImportId, int Batch), IReadOnlyList<ConversationInput>> batches = new();

    public Task SaveAsync(string importId, int batch, IReadOnlyList<ConversationInput> inputs, CancellationToken cancellationToken = default)
    {
        batches[(importId, batch)] = inputs;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConversationInput>> ReadAsync(string importId, int batch, CancellationToken cancellationToken = default) =>
        batches.TryGetValue((importId, batch), out var inputs)
            ? Task.FromResult(inputs)
            : throw new KeyNotFoundException($"Import '{importId}' has no batch {batch}.");
}
