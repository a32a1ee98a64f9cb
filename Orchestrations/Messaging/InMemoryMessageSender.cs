using System.Collections.Concurrent;

namespace CareerConv.Orchestrations.Messaging;

/// <summary>
/// Keeps sent messages in memory, once per message id, with the time each was sent; tests read
/// <see cref="Sent"/> to check exactly what went to whom and when.
/// </summary>
public sealed class InMemoryMessageSender(TimeProvider clock) : IMessageSender
{
    readonly ConcurrentDictionary<string, byte> ids = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<SentMessage> sent = new();

    /// <summary>Messages in the order they were sent.</summary>
    public IReadOnlyList<SentMessage> Sent => [.. sent];

    /// <summary>How many send calls found their id already sent.</summary>
    public int DuplicateCalls => duplicateCalls;

    int duplicateCalls;

    public Task<bool> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!ids.TryAdd(message.Id, 0))
        {
            Interlocked.Increment(ref duplicateCalls);
            return Task.FromResult(false);
        }

        sent.Enqueue(new SentMessage(message, clock.GetUtcNow()));
        return Task.FromResult(true);
    }
}

/// <summary>A message and the instant it was sent.</summary>
public sealed record SentMessage(OutgoingMessage Message, DateTimeOffset SentAt);
