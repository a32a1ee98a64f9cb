using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>What happens when an alarm's time comes.</summary>
enum AlarmKind
{
    Reminder,
    DeadlineMissed,
    MeetingReminder,
    MeetingHeld,
}

/// <summary>
/// A point in time at which the orchestrator acts. <see cref="Key"/> is stable for one plan of one
/// deadline, so an alarm that has fired is never fired again, even when the schedule is recomputed.
/// </summary>
sealed record Alarm(string Key, DateTimeOffset At, AlarmKind Kind, DeadlineKind? Deadline, int Ordinal, int Revision);
