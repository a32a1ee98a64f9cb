namespace CareerConv.Orchestrations.Contracts;

/// <summary>
/// Names of the external events a conversation orchestration accepts. Each name is raised with the
/// payload record of the same name.
/// </summary>
public static class ConversationEvents
{
    public const string ReviewerAssigned = nameof(ReviewerAssigned);
    public const string MeetingScheduled = nameof(MeetingScheduled);
    public const string ReflectionSubmitted = nameof(ReflectionSubmitted);
    public const string RecordUploaded = nameof(RecordUploaded);
    public const string HandoffConfirmed = nameof(HandoffConfirmed);
    public const string ReviewerChanged = nameof(ReviewerChanged);
    public const string Withdrawn = nameof(Withdrawn);
    public const string Paused = nameof(Paused);
    public const string Resumed = nameof(Resumed);
    public const string DeadlineExtended = nameof(DeadlineExtended);
    public const string RetryStep = nameof(RetryStep);

    /// <summary>Every event name, in the order the orchestrator waits for them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ReviewerAssigned, MeetingScheduled, ReflectionSubmitted, RecordUploaded, HandoffConfirmed,
        ReviewerChanged, Withdrawn, Paused, Resumed, DeadlineExtended, RetryStep,
    ];

    /// <summary>Maps an event name to its payload type.</summary>
    public static Type PayloadType(string eventName) => eventName switch
    {
        ReviewerAssigned => typeof(ReviewerAssignedEvent),
        MeetingScheduled => typeof(MeetingScheduledEvent),
        ReflectionSubmitted => typeof(ReflectionSubmittedEvent),
        RecordUploaded => typeof(RecordUploadedEvent),
        HandoffConfirmed => typeof(HandoffConfirmedEvent),
        ReviewerChanged => typeof(ReviewerChangedEvent),
        Withdrawn => typeof(WithdrawnEvent),
        Paused => typeof(PausedEvent),
        Resumed => typeof(ResumedEvent),
        DeadlineExtended => typeof(DeadlineExtendedEvent),
        RetryStep => typeof(RetryStepEvent),
        _ => throw new ArgumentOutOfRangeException(
            nameof(eventName), eventName, $"Unknown conversation event; expected one of {string.Join(", ", All)}."),
    };
}
