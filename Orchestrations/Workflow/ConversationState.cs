using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>
/// Everything the orchestrator knows about one conversation. It is rebuilt on every replay from the
/// same history, so it may only change in response to events, timers and activity results.
/// </summary>
sealed class ConversationState(ConversationInput input, ConversationSettings settings, DateTimeOffset startedAt)
{
    public ConversationInput Input { get; } = input;

    public ConversationSettings Settings { get; } = settings;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public ConversationStage Stage { get; set; } = ConversationStage.ReviewerAssignment;

    public ReflectionState Reflection { get; set; } = ReflectionState.NotOpen;

    public Person? Reviewer { get; set; } = input.Reviewer;

    public DateTimeOffset? ReviewerAssignedAt { get; set; }

    public DateTimeOffset? MeetingAt { get; set; }

    public DateTimeOffset? MeetingScheduledAt { get; set; }

    public string? MeetingLocation { get; set; }

    /// <summary>The iCalendar SEQUENCE of the current meeting invite; -1 before a meeting is set.</summary>
    public int MeetingSequence { get; set; } = -1;

    public string? NotesBlobName { get; set; }

    public int RecordVersion { get; set; }

    public string? RecordBlobName { get; set; }

    public DateTimeOffset? HandoffRequestedAt { get; set; }

    public int Revision { get; set; }

    public Dictionary<ActorRole, int> TokenVersions { get; } = new()
    {
        [ActorRole.Staff] = 1, [ActorRole.Reviewer] = 1,
        [ActorRole.Coordinator] = 1, [ActorRole.HeadOfDepartment] = 1,
    };

    public DateTimeOffset? PausedAt { get; set; }

    public string? Failure { get; set; }

    public string? EndReason { get; set; }

    /// <summary>When each deadline was last planned; reminders before this instant are skipped.</summary>
    public Dictionary<DeadlineKind, DateTimeOffset> PlannedAt { get; } = [];

    /// <summary>The schedule revision each deadline was last planned under; reminder message ids use it.</summary>
    public Dictionary<DeadlineKind, int> PlannedRevision { get; } = [];

    /// <summary>Working days added to each deadline by extensions.</summary>
    public Dictionary<DeadlineKind, int> ExtensionDays { get; } = [];

    /// <summary>Whole calendar days each deadline moved because the conversation was paused.</summary>
    public Dictionary<DeadlineKind, int> PausedDays { get; } = [];

    public HashSet<string> SubmissionIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DoneAlarms { get; } = new(StringComparer.Ordinal);

    public Dictionary<MessageKind, int> MessageCounts { get; } = [];

    public List<OutgoingMessage> PendingMessages { get; } = [];

    public List<TimelineEntry> PendingTimeline { get; } = [];

    public int TimelineSequence { get; set; }

    public bool IsActive => StageRules.IsActive(Stage);

    /// <summary>Starts a new plan for the given deadlines under one new schedule revision.</summary>
    public void Replan(DateTimeOffset now, params DeadlineKind[] deadlines)
    {
        Revision++;
        foreach (var deadline in deadlines)
        {
            PlannedAt[deadline] = now;
            PlannedRevision[deadline] = Revision;
        }
    }

    /// <summary>Returns the next ordinal for a one-off message of the given kind.</summary>
    public int NextOrdinal(MessageKind kind)
    {
        MessageCounts[kind] = MessageCounts.GetValueOrDefault(kind) + 1;
        return MessageCounts[kind];
    }
}
