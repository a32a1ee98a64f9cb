using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Timing;

/// <summary>
/// Values used where neither the defaults, the faculty nor the department set a key, and the limits the
/// validator applies. docs/configuration.md lists the same values.
/// </summary>
public static class BuiltInTiming
{
    public const int ReviewerAssignmentWorkingDays = 5;
    public const int MeetingScheduledWorkingDays = 10;
    public const int ReflectionWorkingDaysBeforeMeeting = 2;
    public const int RecordUploadWorkingDays = 5;
    public const int HandoffWorkingDays = 5;
    public const int OffCycleMeetingWorkingDays = 30;
    public const int MeetingReminderWorkingDaysBefore = 1;
    public const int ReviewerCap = 8;
    public const string ReviewType = "CareerConversation";
    public const string TimeZone = "Europe/London";
    public const HolidayRegion Region = HolidayRegion.EnglandAndWales;

    /// <summary>The largest working-day count any key accepts: about six months of working days.</summary>
    public const int MaxWorkingDays = 130;

    public static TimeOnly DeadlineTime { get; } = new(17, 0);

    public static TimeOnly ReminderTime { get; } = new(9, 0);

    public static IReadOnlyList<int> ReminderWorkingDaysBefore { get; } = [10, 5, 1];

    public static IReadOnlyList<ActorRole> EscalateTo { get; } = [ActorRole.HeadOfDepartment];

    /// <summary>The roles an escalation can go to.</summary>
    public static IReadOnlyList<ActorRole> EscalationRoles { get; } =
        [ActorRole.Reviewer, ActorRole.Coordinator, ActorRole.HeadOfDepartment];
}
