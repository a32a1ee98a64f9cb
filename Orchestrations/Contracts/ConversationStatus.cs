namespace CareerConv.Orchestrations.Contracts;

/// <summary>
/// The custom status a conversation publishes at every step; progress pages and link checks read it.
/// It holds references and dates only, never the text of notes.
/// </summary>
/// <param name="NextDeadline">The earliest open deadline (UTC), or null when nothing is due.</param>
/// <param name="ScheduleRevision">Grows by one whenever a date that deadlines depend on changes.</param>
/// <param name="TokenVersions">
/// The current link version per role. A link made for an older version is superseded; a reviewer
/// change, for example, moves the reviewer's version on so the old reviewer's links stop working.
/// </param>
/// <param name="Failure">Why a step could not complete, until an administrator retries it.</param>
/// <param name="Reviewer">The reviewer once one is known; progress pages count reviewer load from it, and link pages use the address as the actor's.</param>
/// <param name="MeetingLocation">Where the meeting takes place, once scheduled.</param>
/// <param name="NotesBlobName">The sent reflection notes, once sent.</param>
/// <param name="RecordBlobName">The latest uploaded record form, once uploaded.</param>
/// <param name="RecordVersion">The latest record version; 0 before the first upload.</param>
public sealed record ConversationStatus(
    ConversationStage Stage,
    ReflectionState Reflection,
    DateTimeOffset? NextDeadline,
    DeadlineKind? NextDeadlineKind,
    int ScheduleRevision,
    IReadOnlyDictionary<ActorRole, int> TokenVersions,
    DateTimeOffset? MeetingAt = null,
    bool Paused = false,
    string? Failure = null,
    Person? Reviewer = null,
    string? MeetingLocation = null,
    string? NotesBlobName = null,
    string? RecordBlobName = null,
    int RecordVersion = 0);
