namespace CareerConv.Orchestrations.Contracts;

/// <summary>What a timeline entry records.</summary>
public enum TimelineEntryKind
{
    Started,
    StageChanged,
    MessageSent,
    EventAccepted,
    EventIgnored,
    DuplicateIgnored,
    Change,
    DeadlineMissed,
    StepFailed,
    Completed,
}

/// <summary>
/// One line of a conversation's audit timeline. Activities write entries; the progress pages and the
/// subject access export read them. <see cref="Reference"/> holds a message id, submission id or blob
/// name, never note text.
/// </summary>
public sealed record TimelineEntry(
    string InstanceId,
    DateTimeOffset At,
    TimelineEntryKind Kind,
    string Summary,
    string? Reference = null);
