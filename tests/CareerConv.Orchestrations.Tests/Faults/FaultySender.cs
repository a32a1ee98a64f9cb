using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Orchestrations.Tests.Faults;

/// <summary>When a <see cref="FaultySender"/> throws: before it hands the message on, or after.</summary>
public enum FaultPoint
{
    /// <summary>Nothing is delivered, as when the mail service is down.</summary>
    BeforeDelivery,

    /// <summary>The message is delivered and then the call fails, as when the worker dies before the activity returns.</summary>
    AfterDelivery,
}

/// <summary>
/// Sits in front of the in-memory sender and throws <see cref="TransientMailException"/> on the first
/// <see cref="FailFirst"/> calls, and on every call while <see cref="Broken"/> is set.
/// </summary>
sealed class FaultySender(IMessageSender inner, FaultPoint point) : IMessageSender
{
    int calls;
    int failures;

    public int FailFirst { get; init; }

    public bool Broken { get; set; }

    /// <summary>Calls that threw.</summary>
    public int Failures => Volatile.Read(ref failures);

    public async Task<bool> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref calls);
        var fail = Broken || call <= FailFirst;
        if (fail && point == FaultPoint.BeforeDelivery)
        {
            throw Fault(message);
        }

        var sent = await inner.SendAsync(message, cancellationToken);
        return fail ? throw Fault(message) : sent;
    }

    TransientMailException Fault(OutgoingMessage message)
    {
        Interlocked.Increment(ref failures);
        return new TransientMailException($"Injected fault sending {message.Id}: the mail service is unavailable.");
    }
}

/// <summary>The failure a <see cref="FaultySender"/> injects.</summary>
sealed class TransientMailException(string message) : Exception(message);
