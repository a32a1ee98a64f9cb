using System.Globalization;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Timing;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>
/// Computes the open deadlines and the pending alarms from a conversation's state. Plain code with no
/// clock of its own: the orchestrator runs it after every change, so a reschedule, extension or pause
/// moves every later reminder at once.
/// </summary>
sealed class ConversationPlanner(ConversationState state)
{
    readonly ConversationCalendar calendar = new(state.Settings.Timing);

    /// <summary>Returns each open deadline with its UTC instant.</summary>
    public IReadOnlyDictionary<DeadlineKind, DateTimeOffset> OpenDeadlines()
    {
        var deadlines = new Dictionary<DeadlineKind, DateTimeOffset>();
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            if (BaseDeadline(kind) is { } baseDeadline)
            {
                deadlines[kind] = Adjust(kind, baseDeadline);
            }
        }

        return deadlines;
    }

    /// <summary>Returns the alarms not yet fired, earliest first.</summary>
    public IReadOnlyList<Alarm> PendingAlarms()
    {
        var alarms = new List<Alarm>();
        foreach (var (kind, deadline) in OpenDeadlines())
        {
            if (kind == DeadlineKind.ReviewerAssignment && state.Input.ReviewerRequestedByCycle)
            {
                // The cycle's department digest carries these reminders and the escalation.
                continue;
            }

            var revision = state.PlannedRevision.GetValueOrDefault(kind);
            var plannedAt = state.PlannedAt.GetValueOrDefault(kind, state.StartedAt);
            var reminders = calendar.Reminders(deadline, plannedAt);
            for (var i = 0; i < reminders.Count; i++)
            {
                alarms.Add(new Alarm(Key("reminder", kind, i + 1, revision), reminders[i], AlarmKind.Reminder, kind, i + 1, revision));
            }

            alarms.Add(new Alarm(Key("missed", kind, 0, revision), deadline, AlarmKind.DeadlineMissed, kind, 0, revision));
        }

        AddMeetingAlarms(alarms);
        return [.. alarms.Where(a => !state.DoneAlarms.Contains(a.Key)).OrderBy(a => a.At).ThenBy(a => a.Key, StringComparer.Ordinal)];
    }

    void AddMeetingAlarms(List<Alarm> alarms)
    {
        if (state.Stage != ConversationStage.AwaitingMeeting || state.MeetingAt is not { } meetingAt)
        {
            return;
        }

        var sequence = state.MeetingSequence;
        var notBefore = state.MeetingScheduledAt ?? state.StartedAt;
        if (calendar.MeetingReminder(meetingAt, notBefore) is { } reminderAt)
        {
            alarms.Add(new Alarm($"meeting-reminder/s{sequence}", reminderAt, AlarmKind.MeetingReminder, null, sequence, state.Revision));
        }

        alarms.Add(new Alarm($"meeting-held/s{sequence}", meetingAt, AlarmKind.MeetingHeld, null, sequence, state.Revision));
    }

    DateTimeOffset? BaseDeadline(DeadlineKind kind)
    {
        var timing = state.Settings.Timing;
        return kind switch
        {
            DeadlineKind.ReviewerAssignment when state.Stage == ConversationStage.ReviewerAssignment =>
                calendar.DeadlineAfter(Later(state.StartedAt, calendar.CycleOpens), timing.ReviewerAssignmentWorkingDays),
            DeadlineKind.MeetingScheduling when state.Stage == ConversationStage.MeetingScheduling =>
                calendar.DeadlineAfter(state.ReviewerAssignedAt!.Value, timing.MeetingScheduledWorkingDays),
            DeadlineKind.Reflection when state.Reflection == ReflectionState.Open && IsPreparing() =>
                calendar.DeadlineBefore(state.MeetingAt ?? calendar.MeetingsHeldBy, timing.ReflectionWorkingDaysBeforeMeeting),
            DeadlineKind.RecordUpload when state.Stage == ConversationStage.RecordUpload =>
                calendar.DeadlineAfter(state.MeetingAt!.Value, timing.RecordUploadWorkingDays),
            DeadlineKind.Handoff when state.Stage == ConversationStage.Handoff =>
                calendar.DeadlineAfter(state.HandoffRequestedAt!.Value, timing.HandoffWorkingDays),
            _ => null,
        };
    }

    bool IsPreparing() => state.Stage is ConversationStage.MeetingScheduling or ConversationStage.AwaitingMeeting;

    DateTimeOffset Adjust(DeadlineKind kind, DateTimeOffset deadline)
    {
        var pausedDays = state.PausedDays.GetValueOrDefault(kind);
        if (pausedDays > 0)
        {
            deadline = calendar.DeadlineAfter(deadline.AddDays(pausedDays), 0);
        }

        var extension = state.ExtensionDays.GetValueOrDefault(kind);
        return extension > 0 ? calendar.DeadlineAfter(deadline, extension) : deadline;
    }

    static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    static string Key(string what, DeadlineKind kind, int ordinal, int revision) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}/{kind}/{ordinal}/r{revision}");
}
