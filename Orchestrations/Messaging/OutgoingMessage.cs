using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Messaging;

/// <summary>One person a message goes to, and the role whose link (if any) the message carries for them.</summary>
public sealed record Recipient(ActorRole Role, Person Person);

/// <summary>The meeting a message refers to, with what a calendar invite needs.</summary>
/// <param name="Sequence">Grows by one with each reschedule, as iCalendar SEQUENCE requires.</param>
public sealed record MeetingDetails(DateTimeOffset At, string Location, int Sequence);

/// <summary>
/// An email the orchestrator asks to send. It carries names, dates and references only: the notes stay
/// in Blob storage, and the mail layer signs the action link when it renders the message, so no token
/// or key enters the orchestration history.
/// </summary>
/// <param name="Id">The message id, from <see cref="MessageId.ToString"/>.</param>
/// <param name="Deadline">The deadline the message is about (UTC), shown in the faculty's local time.</param>
/// <param name="LinkRole">The role whose action link the message carries; null for messages without one.</param>
/// <param name="TokenVersion">The link version for <paramref name="LinkRole"/> when the message was planned.</param>
/// <param name="DigestStaff">
/// For a department digest to the Head of Department: every staff member it is about, of whom
/// <paramref name="Staff"/> is the first. Null for a message about one conversation.
/// </param>
public sealed record OutgoingMessage(
    string Id,
    MessageKind Kind,
    string InstanceId,
    string ConversationId,
    IReadOnlyList<Recipient> To,
    IReadOnlyList<Recipient> Cc,
    StaffMember Staff,
    Person? Reviewer,
    string Faculty,
    string Department,
    string TimeZoneId,
    DateTimeOffset? Deadline,
    DeadlineKind? DeadlineKind,
    MeetingDetails? Meeting,
    ActorRole? LinkRole,
    int TokenVersion,
    DateTimeOffset PlannedAt,
    IReadOnlyList<StaffMember>? DigestStaff = null);
