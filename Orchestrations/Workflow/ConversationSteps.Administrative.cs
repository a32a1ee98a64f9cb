using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>Administrative changes: reviewer change, withdrawal, pause and resume, extensions, retries.</summary>
sealed partial class ConversationSteps
{
    void ApplyAdministrative(IConversationEvent conversationEvent, DateTimeOffset now)
    {
        switch (conversationEvent)
        {
            case ReviewerChangedEvent e:
                ChangeReviewer(e, now);
                break;
            case WithdrawnEvent e:
                Withdraw(e, now);
                break;
            case PausedEvent e:
                Pause(e, now);
                break;
            case ResumedEvent:
                Resume(now);
                break;
            case DeadlineExtendedEvent e:
                Extend(e, now);
                break;
            case RetryStepEvent:
                effects.Timeline(now, TimelineEntryKind.Change, "Failed step retried", state.Failure);
                state.Failure = null;
                break;
        }
    }

    void ChangeReviewer(ReviewerChangedEvent e, DateTimeOffset now)
    {
        effects.Timeline(now, TimelineEntryKind.Change, $"Reviewer changed: {e.Reason}", e.SubmissionId);
        if (state.Stage == ConversationStage.ReviewerAssignment)
        {
            AssignReviewer(e.Reviewer, now);
            return;
        }

        // Links sent to the previous reviewer stop working; the new reviewer gets what is open now.
        state.Reviewer = e.Reviewer;
        state.TokenVersions[ActorRole.Reviewer]++;
        var reviewer = effects.Reviewer();
        switch (state.Stage)
        {
            case ConversationStage.MeetingScheduling:
                effects.Message(MessageKind.MeetingRequest, now, reviewer,
                    DeadlineKind.MeetingScheduling, Deadline(DeadlineKind.MeetingScheduling));
                break;
            case ConversationStage.AwaitingMeeting:
                effects.Message(MessageKind.MeetingConfirmed, now, reviewer);
                break;
            case ConversationStage.RecordUpload:
                effects.Message(MessageKind.RecordRequest, now, reviewer,
                    DeadlineKind.RecordUpload, Deadline(DeadlineKind.RecordUpload));
                break;
        }

        if (state.Reflection == ReflectionState.Submitted && state.Stage != ConversationStage.Handoff)
        {
            effects.Message(MessageKind.NotesReady, now, reviewer);
        }
    }

    void Withdraw(WithdrawnEvent e, DateTimeOffset now)
    {
        if (state.Stage == ConversationStage.AwaitingMeeting)
        {
            // The reviewer's calendar entry is cancelled; the staff member who left gets no email.
            effects.Message(MessageKind.MeetingCancelled, now, effects.Reviewer());
        }

        state.EndReason = e.Reason;
        effects.Timeline(now, TimelineEntryKind.Change, $"Withdrawn: {e.Reason}", e.SubmissionId);
        MoveTo(ConversationStage.Withdrawn, now);
    }

    void Pause(PausedEvent e, DateTimeOffset now)
    {
        if (state.PausedAt is not null)
        {
            effects.Timeline(now, TimelineEntryKind.EventIgnored, "Paused while already paused", e.SubmissionId);
            return;
        }

        state.PausedAt = now;
        effects.Timeline(now, TimelineEntryKind.Change, $"Paused: {e.Reason}", e.SubmissionId);
    }

    void Resume(DateTimeOffset now)
    {
        if (state.PausedAt is not { } pausedAt)
        {
            effects.Timeline(now, TimelineEntryKind.EventIgnored, "Resumed while not paused");
            return;
        }

        var days = (int)Math.Ceiling((now - pausedAt).TotalDays);
        var open = new ConversationPlanner(state).OpenDeadlines().Keys.ToArray();
        foreach (var kind in open)
        {
            state.PausedDays[kind] = state.PausedDays.GetValueOrDefault(kind) + days;
        }

        state.PausedAt = null;
        state.Replan(now, open);
        effects.Timeline(now, TimelineEntryKind.Change, $"Resumed; open deadlines moved by {days} days");
    }

    void Extend(DeadlineExtendedEvent e, DateTimeOffset now)
    {
        if (Deadline(e.Deadline) is null || e.WorkingDays < 1)
        {
            effects.Timeline(now, TimelineEntryKind.EventIgnored,
                $"Extension of {e.Deadline} by {e.WorkingDays} working days ignored: that deadline is not open", e.SubmissionId);
            return;
        }

        state.ExtensionDays[e.Deadline] = state.ExtensionDays.GetValueOrDefault(e.Deadline) + e.WorkingDays;
        state.Replan(now, e.Deadline);
        effects.Timeline(now, TimelineEntryKind.Change,
            $"{e.Deadline} deadline extended by {e.WorkingDays} working days: {e.Reason}", e.SubmissionId);
    }
}
