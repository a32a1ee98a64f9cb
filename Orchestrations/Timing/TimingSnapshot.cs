using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Timing;

/// <summary>
/// The resolved timing of one faculty for one department and cycle. It is made once, when a conversation
/// starts, and travels through the orchestration history as activity output, so it holds only types that
/// System.Text.Json serializes with default options. Bank holidays and closure days are already resolved
/// into <see cref="NonWorkingDates"/>, so a later settings change does not alter a running conversation.
/// </summary>
/// <param name="TimeZoneId">IANA time zone id, such as Europe/London.</param>
/// <param name="CycleId">The normalised cycle id, which for an off-cycle conversation is the id it was started with.</param>
/// <param name="OffCycle">True when the cycle id named no window of the faculty and the window starts on the start date.</param>
/// <param name="DeadlineTime">Local time of day at which every deadline falls.</param>
/// <param name="ReminderTime">Local time of day at which every reminder is sent.</param>
/// <param name="ReminderWorkingDaysBefore">Working days before a deadline at which reminders are sent, such as [10, 5, 1].</param>
/// <param name="NonWorkingDates">
/// Bank holidays of <see cref="HolidayRegion"/> and closure days, sorted, from 1 January of the year before
/// <see cref="CycleOpens"/> to 31 December two years after it. Saturdays and Sundays are non-working in code.
/// </param>
public sealed record TimingSnapshot(
    string Faculty,
    string Department,
    string TimeZoneId,
    HolidayRegion HolidayRegion,
    string CycleId,
    bool OffCycle,
    DateOnly CycleOpens,
    DateOnly MeetingsHeldBy,
    int ReviewerAssignmentWorkingDays,
    int MeetingScheduledWorkingDays,
    int ReflectionWorkingDaysBeforeMeeting,
    int RecordUploadWorkingDays,
    int HandoffWorkingDays,
    TimeOnly DeadlineTime,
    TimeOnly ReminderTime,
    IReadOnlyList<int> ReminderWorkingDaysBefore,
    int MeetingReminderWorkingDaysBefore,
    IReadOnlyList<ActorRole> EscalateTo,
    IReadOnlyList<DateOnly> NonWorkingDates);
