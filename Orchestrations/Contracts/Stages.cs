namespace CareerConv.Orchestrations.Contracts;

/// <summary>The main stage of a conversation, in the order they run.</summary>
public enum ConversationStage
{
    ReviewerAssignment,
    MeetingScheduling,
    AwaitingMeeting,
    RecordUpload,
    Handoff,
    Completed,
    Withdrawn,
}

/// <summary>The reflection track, which runs beside the meeting stages once a reviewer is assigned.</summary>
public enum ReflectionState
{
    NotOpen,
    Open,
    Submitted,
    Missed,
}

/// <summary>Each deadline a conversation can have; reminders and escalation hang off these.</summary>
public enum DeadlineKind
{
    ReviewerAssignment,
    MeetingScheduling,
    Reflection,
    RecordUpload,
    Handoff,
}

/// <summary>Which stage accepts which event; anything else is recorded in the timeline and ignored.</summary>
public static class StageRules
{
    static readonly ConversationStage[] Active =
    [
        ConversationStage.ReviewerAssignment, ConversationStage.MeetingScheduling,
        ConversationStage.AwaitingMeeting, ConversationStage.RecordUpload, ConversationStage.Handoff,
    ];

    public static bool IsActive(ConversationStage stage) => Active.Contains(stage);

    public static bool Accepts(ConversationStage stage, string eventName) => eventName switch
    {
        ConversationEvents.ReviewerAssigned => stage == ConversationStage.ReviewerAssignment,
        ConversationEvents.MeetingScheduled => stage is ConversationStage.MeetingScheduling
            or ConversationStage.AwaitingMeeting or ConversationStage.RecordUpload,
        ConversationEvents.ReflectionSubmitted => stage is ConversationStage.MeetingScheduling
            or ConversationStage.AwaitingMeeting,
        ConversationEvents.RecordUploaded => stage is ConversationStage.AwaitingMeeting
            or ConversationStage.RecordUpload or ConversationStage.Handoff,
        ConversationEvents.HandoffConfirmed => stage == ConversationStage.Handoff,
        ConversationEvents.ReviewerChanged or ConversationEvents.Withdrawn or ConversationEvents.Paused
            or ConversationEvents.Resumed or ConversationEvents.DeadlineExtended
            or ConversationEvents.RetryStep => IsActive(stage),
        _ => false,
    };
}
