using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Mail.Rendering;

/// <summary>One email ready for a transport: a message rendered for one recipient.</summary>
/// <param name="Invite">The iCalendar invite for meeting emails; null for the others.</param>
public sealed record RenderedMail(
    OutgoingMessage Message,
    Recipient Recipient,
    string Subject,
    string Html,
    string Text,
    CalendarInvite? Invite)
{
    public string MessageId => Message.Id;

    public MessageKind Kind => Message.Kind;

    public string ConversationId => Message.ConversationId;
}

/// <summary>An iCalendar object and its scheduling method (REQUEST or CANCEL), as sent with a meeting email.</summary>
public sealed record CalendarInvite(string Method, string Content)
{
    public const string FileName = "invite.ics";

    /// <summary>The MIME type, with the method that calendar clients read to decide what to do.</summary>
    public string ContentType => $"text/calendar; method={Method}; charset=utf-8";
}
