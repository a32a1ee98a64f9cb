using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>What each alarm does when its time comes: reminders, missed deadlines and the meeting.</summary>
sealed partial class ConversationSteps
{
    public void Fire(Alarm alarm, DateTimeOffset now)
    {
        state.DoneAlarms.Add(alarm.Key);
        switch (alarm.Kind)
        {
            case AlarmKind.Reminder:
                Remind(alarm, now);
                break;
            case AlarmKind.DeadlineMissed:
                Miss(alarm, now);
                break;
            case AlarmKind.MeetingReminder:
                effects.Message(MessageKind.MeetingReminder, now, [.. effects.Reviewer(), .. effects.Staff()],
                    ordinal: alarm.Ordinal + 1, revision: alarm.Revision);
                break;
            case AlarmKind.MeetingHeld:
                MoveTo(ConversationStage.RecordUpload, now);
                state.Replan(now, DeadlineKind.RecordUpload);
                effects.Message(MessageKind.RecordRequest, now, effects.Reviewer(),
                    DeadlineKind.RecordUpload, Deadline(DeadlineKind.RecordUpload));
                break;
        }
    }

    void Remind(Alarm alarm, DateTimeOffset now)
    {
        var kind = alarm.Deadline!.Value;
        var (messageKind, to) = kind switch
        {
            DeadlineKind.ReviewerAssignment => (MessageKind.ReviewerRequestReminder, effects.HeadOfDepartment()),
            DeadlineKind.MeetingScheduling => (MessageKind.MeetingRequestReminder, effects.Reviewer()),
            DeadlineKind.Reflection => (MessageKind.ReflectionReminder, effects.Staff()),
            DeadlineKind.RecordUpload => (MessageKind.RecordReminder, effects.Reviewer()),
            _ => (MessageKind.HandoffReminder, effects.Coordinator()),
        };
        effects.Message(messageKind, now, to, kind, Deadline(kind), alarm.Ordinal, alarm.Revision);
    }

    void Miss(Alarm alarm, DateTimeOffset now)
    {
        var kind = alarm.Deadline!.Value;
        effects.Timeline(now, TimelineEntryKind.DeadlineMissed, $"{kind} deadline passed", alarm.Key);
        var deadline = Deadline(kind);
        if (kind == DeadlineKind.Reflection)
        {
            state.Reflection = ReflectionState.Missed;
            effects.Message(MessageKind.ReflectionMissed, now, effects.Reviewer(), kind, deadline, 1, alarm.Revision);
        }

        var escalateTo = state.Settings.Timing.EscalateTo
            .SelectMany(effects.ForRole)
            .DistinctBy(r => r.Person.Email, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        effects.Message(MessageKind.Escalation, now, escalateTo, kind, deadline, (int)kind + 1, alarm.Revision);
    }
}
