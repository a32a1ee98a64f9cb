using CareerConv.Orchestrations.Contracts;
using Microsoft.Extensions.Logging;

namespace CareerConv.Mail;

/// <summary>The mail layer's log events, 4000 to 4099. No event carries an address, a body or the API key.</summary>
static partial class MailLog
{
    [LoggerMessage(4001, LogLevel.Warning,
        "SendGrid returned {StatusCode} for {MessageKind} of conversation {ConversationId}; retrying in {Delay} (attempt {Attempt} of {MaxAttempts})")]
    public static partial void SendGridRetrying(
        ILogger logger, int statusCode, MessageKind messageKind, string conversationId, TimeSpan delay, int attempt, int maxAttempts);

    [LoggerMessage(4002, LogLevel.Error,
        "SendGrid rejected {MessageKind} of conversation {ConversationId} with status {StatusCode}: {Error}")]
    public static partial void SendGridRejected(
        ILogger logger, MessageKind messageKind, string conversationId, int statusCode, string error);

    [LoggerMessage(4003, LogLevel.Error,
        "SendGrid still returned {StatusCode} for {MessageKind} of conversation {ConversationId} after {Attempts} attempts: {Error}")]
    public static partial void SendGridGaveUp(
        ILogger logger, int statusCode, MessageKind messageKind, string conversationId, int attempts, string error);

    [LoggerMessage(4004, LogLevel.Information,
        "{MessageKind} of conversation {ConversationId} is already in the send ledger; not sent again")]
    public static partial void AlreadySent(ILogger logger, MessageKind messageKind, string conversationId);

    [LoggerMessage(4005, LogLevel.Information, "Wrote {MessageKind} of conversation {ConversationId} to outbox file {File}")]
    public static partial void WroteOutboxFile(ILogger logger, MessageKind messageKind, string conversationId, string file);

    [LoggerMessage(4006, LogLevel.Warning,
        "Sending {MessageKind} of conversation {ConversationId} failed; the ledger entry is released for a retry")]
    public static partial void SendFailed(ILogger logger, Exception exception, MessageKind messageKind, string conversationId);

    [LoggerMessage(4007, LogLevel.Error,
        "Could not release the ledger entry of {MessageKind} for conversation {ConversationId}; a retry waits for the lease to end")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, MessageKind messageKind, string conversationId);

    [LoggerMessage(4008, LogLevel.Information,
        "Sent {MessageKind} of conversation {ConversationId} through SendGrid (attempt {Attempt})")]
    public static partial void SendGridAccepted(ILogger logger, MessageKind messageKind, string conversationId, int attempt);
}
