namespace CareerConv.Orchestrations.Contracts;

/// <summary>
/// Fields every conversation event carries. <see cref="SubmissionId"/> identifies one submission by
/// one person: the orchestrator applies an event once per submission id and ignores repeats, so a
/// form posted twice or an event raised again after a timeout changes nothing.
/// </summary>
public interface IConversationEvent
{
    string SubmissionId { get; }

    Actor Actor { get; }
}

/// <summary>Who raised an event: a role, and the email address the link or credential belonged to.</summary>
public sealed record Actor(ActorRole Role, string? Email = null)
{
    public static Actor System { get; } = new(ActorRole.System);
}

public enum ActorRole
{
    Staff,
    Reviewer,
    Coordinator,
    HeadOfDepartment,
    Admin,
    System,
}

/// <summary>A person the workflow writes to.</summary>
public sealed record Person(string Name, string Email);

/// <summary>The Head of Department (or the roster) names who conducts the conversation.</summary>
public sealed record ReviewerAssignedEvent(string SubmissionId, Actor Actor, Person Reviewer) : IConversationEvent;

/// <summary>
/// The reviewer proposes the meeting, or moves it. <see cref="MeetingAt"/> is a UTC instant.
/// </summary>
public sealed record MeetingScheduledEvent(
    string SubmissionId, Actor Actor, DateTimeOffset MeetingAt, string Location) : IConversationEvent;

/// <summary>
/// The staff member sent their reflection notes. The notes stay in Blob storage: the event carries
/// only the blob name and the SHA-256 of its content.
/// </summary>
public sealed record ReflectionSubmittedEvent(
    string SubmissionId, Actor Actor, string NotesBlobName, string Sha256) : IConversationEvent;

/// <summary>The reviewer uploaded a signed record form; a later upload is a corrected version.</summary>
public sealed record RecordUploadedEvent(
    string SubmissionId, Actor Actor, string BlobName, string Sha256, long SizeBytes, int Version)
    : IConversationEvent;

/// <summary>The coordinator (or line manager) recorded the meeting in iTrent.</summary>
public sealed record HandoffConfirmedEvent(string SubmissionId, Actor Actor) : IConversationEvent;

/// <summary>An administrator hands the conversation to another reviewer; old reviewer links stop working.</summary>
public sealed record ReviewerChangedEvent(string SubmissionId, Actor Actor, Person Reviewer, string Reason)
    : IConversationEvent;

/// <summary>The staff member left or opted out: no further email, and the conversation ends.</summary>
public sealed record WithdrawnEvent(string SubmissionId, Actor Actor, string Reason) : IConversationEvent;

/// <summary>Deadlines stop (for example parental leave) until <see cref="ResumedEvent"/>.</summary>
public sealed record PausedEvent(string SubmissionId, Actor Actor, string Reason) : IConversationEvent;

/// <summary>Deadlines move later by the time the conversation was paused.</summary>
public sealed record ResumedEvent(string SubmissionId, Actor Actor) : IConversationEvent;

/// <summary>Moves the deadline of one stage by a number of working days.</summary>
public sealed record DeadlineExtendedEvent(
    string SubmissionId, Actor Actor, DeadlineKind Deadline, int WorkingDays, string Reason) : IConversationEvent;

/// <summary>Runs a failed step again after its cause has been fixed.</summary>
public sealed record RetryStepEvent(string SubmissionId, Actor Actor) : IConversationEvent;
