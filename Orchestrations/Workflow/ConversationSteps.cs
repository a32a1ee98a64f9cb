using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>
/// The stage logic: how the conversation starts, how each accepted event changes it, and what each
/// alarm does. Plain code over <see cref="ConversationState"/>; the orchestrator supplies the time.
/// </summary>
sealed partial class ConversationSteps(ConversationState state)
{
    readonly ConversationEffects effects = new(state);

    public ConversationEffects Effects => effects;

    /// <summary>Begins the conversation: assigns the roster's reviewer, or requests one from the Head of Department.</summary>
    public void Start(DateTimeOffset now)
    {
        effects.Timeline(now, TimelineEntryKind.Started, "Conversation started", state.Input.Cycle);
        if (state.Input.Reviewer is { } reviewer)
        {
            AssignReviewer(reviewer, now);
            return;
        }

        state.Replan(now, DeadlineKind.ReviewerAssignment);
        if (state.Input.ReviewerRequestedByCycle)
        {
            // The cycle sends the Head of Department one request for the whole department.
            return;
        }

        var deadline = Deadline(DeadlineKind.ReviewerAssignment);
        effects.Message(MessageKind.ReviewerRequest, now, effects.HeadOfDepartment(), DeadlineKind.ReviewerAssignment, deadline);
    }

    /// <summary>Applies an event the current stage accepts.</summary>
    public void Apply(IConversationEvent conversationEvent, DateTimeOffset now)
    {
        switch (conversationEvent)
        {
            case ReviewerAssignedEvent e:
                AssignReviewer(e.Reviewer, now);
                break;
            case MeetingScheduledEvent e:
                ScheduleMeeting(e, now);
                break;
            case ReflectionSubmittedEvent e:
                SubmitReflection(e, now);
                break;
            case RecordUploadedEvent e:
                UploadRecord(e, now);
                break;
            case HandoffConfirmedEvent:
                Complete(now);
                break;
            default:
                ApplyAdministrative(conversationEvent, now);
                break;
        }
    }

    void AssignReviewer(Person reviewer, DateTimeOffset now)
    {
        state.Reviewer = reviewer;
        state.ReviewerAssignedAt = now;
        MoveTo(ConversationStage.MeetingScheduling, now);
        state.Reflection = ReflectionState.Open;
        state.Replan(now, DeadlineKind.MeetingScheduling, DeadlineKind.Reflection);
        effects.Message(MessageKind.MeetingRequest, now, effects.Reviewer(),
            DeadlineKind.MeetingScheduling, Deadline(DeadlineKind.MeetingScheduling));
        effects.Message(MessageKind.ReflectionInvitation, now, effects.Staff(),
            DeadlineKind.Reflection, Deadline(DeadlineKind.Reflection));
    }

    void ScheduleMeeting(MeetingScheduledEvent e, DateTimeOffset now)
    {
        state.MeetingAt = e.MeetingAt;
        state.MeetingLocation = e.Location;
        state.MeetingScheduledAt = now;
        state.MeetingSequence++;
        MoveTo(ConversationStage.AwaitingMeeting, now);
        ReopenReflectionIfStillAhead(now);
        state.Replan(now, DeadlineKind.Reflection);
        effects.Message(MessageKind.MeetingConfirmed, now, [.. effects.Reviewer(), .. effects.Staff()]);
    }

    /// <summary>A reflection missed for an earlier date opens again when the meeting moves far enough out.</summary>
    void ReopenReflectionIfStillAhead(DateTimeOffset now)
    {
        if (state.Reflection != ReflectionState.Missed)
        {
            return;
        }

        state.Reflection = ReflectionState.Open;
        if (Deadline(DeadlineKind.Reflection) is not { } deadline || deadline <= now)
        {
            state.Reflection = ReflectionState.Missed;
        }
    }

    void SubmitReflection(ReflectionSubmittedEvent e, DateTimeOffset now)
    {
        state.Reflection = ReflectionState.Submitted;
        state.NotesBlobName = e.NotesBlobName;
        effects.Message(MessageKind.NotesReady, now, effects.Reviewer());
    }

    void UploadRecord(RecordUploadedEvent e, DateTimeOffset now)
    {
        state.RecordVersion = Math.Max(state.RecordVersion + 1, e.Version);
        state.RecordBlobName = e.BlobName;
        if (state.Stage != ConversationStage.Handoff)
        {
            state.HandoffRequestedAt = now;
            MoveTo(ConversationStage.Handoff, now);
            state.Replan(now, DeadlineKind.Handoff);
        }

        // The coordinator hears once for each version, so a corrected form is never missed.
        effects.Message(MessageKind.HandoffRequest, now, effects.Coordinator(),
            DeadlineKind.Handoff, Deadline(DeadlineKind.Handoff), ordinal: state.RecordVersion);
    }

    void Complete(DateTimeOffset now)
    {
        MoveTo(ConversationStage.Completed, now);
        effects.Message(MessageKind.Completion, now, effects.Staff());
        effects.Timeline(now, TimelineEntryKind.Completed, "Recorded in iTrent; conversation complete");
    }

    void MoveTo(ConversationStage stage, DateTimeOffset now)
    {
        if (state.Stage == stage)
        {
            return;
        }

        effects.Timeline(now, TimelineEntryKind.StageChanged, $"{state.Stage} -> {stage}", stage.ToString());
        state.Stage = stage;
    }

    DateTimeOffset? Deadline(DeadlineKind kind) =>
        new ConversationPlanner(state).OpenDeadlines().TryGetValue(kind, out var at) ? at : null;
}
