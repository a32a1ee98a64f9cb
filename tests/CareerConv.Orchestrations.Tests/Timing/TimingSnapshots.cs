using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Timing;

namespace CareerConv.Orchestrations.Tests.Timing;

/// <summary>Builds snapshots for calendar tests: a 2026 autumn cycle, deadlines at 17:00, reminders at 09:00.</summary>
static class TimingSnapshots
{
    public static TimingSnapshot London(params DateOnly[] closureDays) =>
        Make("Europe/London", HolidayRegion.EnglandAndWales, closureDays);

    public static TimingSnapshot Make(string timeZoneId, HolidayRegion region, params DateOnly[] closureDays) =>
        new(
            "SCI",
            "PHYS",
            timeZoneId,
            region,
            "2026-autumn",
            OffCycle: false,
            new DateOnly(2026, 9, 28),
            new DateOnly(2026, 12, 11),
            ReviewerAssignmentWorkingDays: 5,
            MeetingScheduledWorkingDays: 10,
            ReflectionWorkingDaysBeforeMeeting: 2,
            RecordUploadWorkingDays: 5,
            HandoffWorkingDays: 5,
            DeadlineTime: new TimeOnly(17, 0),
            ReminderTime: new TimeOnly(9, 0),
            ReminderWorkingDaysBefore: [10, 5, 1],
            MeetingReminderWorkingDaysBefore: 1,
            EscalateTo: [ActorRole.HeadOfDepartment],
            TimingResolver.NonWorkingDates(region, closureDays, 2026));

    /// <summary>Parses an ISO 8601 instant such as 2026-10-16T16:00:00Z.</summary>
    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Date(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
