namespace CareerConv.Orchestrations.Contracts;

/// <summary>Every email the workflow can send. Each kind has one template in <c>Templates/</c>.</summary>
public enum MessageKind
{
    /// <summary>Asks the Head of Department to name a reviewer.</summary>
    ReviewerRequest,
    ReviewerRequestReminder,

    /// <summary>Asks the reviewer to propose the meeting.</summary>
    MeetingRequest,
    MeetingRequestReminder,

    /// <summary>Invites the staff member to reflect on the four elements.</summary>
    ReflectionInvitation,
    ReflectionReminder,

    /// <summary>Tells the reviewer that the notes are ready to read before the meeting.</summary>
    NotesReady,

    /// <summary>Tells the reviewer that the reflection deadline passed without notes.</summary>
    ReflectionMissed,

    /// <summary>Confirms the meeting to both parties with a calendar invite, or updates it after a reschedule.</summary>
    MeetingConfirmed,
    MeetingReminder,

    /// <summary>Cancels the calendar invite when the conversation is withdrawn.</summary>
    MeetingCancelled,

    /// <summary>Asks the reviewer for the signed record form after the meeting.</summary>
    RecordRequest,
    RecordReminder,

    /// <summary>Asks the coordinator or line manager to record the meeting in iTrent.</summary>
    HandoffRequest,
    HandoffReminder,

    /// <summary>Tells the configured people that a deadline passed after the last reminder.</summary>
    Escalation,

    /// <summary>Tells the staff member the conversation is complete and where the record is kept.</summary>
    Completion,

    /// <summary>Tells the staff member and reviewer that the conversation was withdrawn.</summary>
    WithdrawalNotice,

    /// <summary>A fresh link, sent on request to the address it belongs to.</summary>
    FreshLink,
}
