namespace CareerConv.Orchestrations.Messaging;

/// <summary>Delivers one planned message: SendGrid in production, an outbox folder locally, memory in tests.</summary>
public interface IMessageSender
{
    /// <summary>
    /// Sends the message unless a message with the same id was already sent; returns false in that
    /// case. Implementations keep that promise across process restarts where their storage allows.
    /// </summary>
    Task<bool> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);
}
