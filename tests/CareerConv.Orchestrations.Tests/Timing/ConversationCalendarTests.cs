using CareerConv.Orchestrations.Timing;
using static CareerConv.Orchestrations.Tests.Timing.TimingSnapshots;

namespace CareerConv.Orchestrations.Tests.Timing;

public sealed class ConversationCalendarTests
{
    static readonly ConversationCalendar LondonCalendar = new(London());

    [Theory]
    [InlineData("2026-03-27", "2026-03-27T09:00:00Z")] // Friday before the clocks go forward: GMT
    [InlineData("2026-03-30", "2026-03-30T08:00:00Z")] // Monday after: BST
    [InlineData("2026-10-23", "2026-10-23T08:00:00Z")] // Friday before the clocks go back: BST
    [InlineData("2026-10-26", "2026-10-26T09:00:00Z")] // Monday after: GMT
    public void At_LondonReminderAcrossClockChange_FollowsOffset(string date, string expected)
    {
        var at = LondonCalendar.At(Date(date), new TimeOnly(9, 0));

        Assert.Equal(Utc(expected), at);
        Assert.Equal(TimeSpan.Zero, at.Offset);
    }

    [Fact]
    public void Reminders_DeadlineAfterSpringChange_UseBothOffsets()
    {
        var calendar = new ConversationCalendar(London() with { ReminderWorkingDaysBefore = [1, 2] });

        // Tuesday 31 March 2026 at 17:00 BST.
        var reminders = calendar.Reminders(Utc("2026-03-31T16:00:00Z"), Utc("2026-03-01T00:00:00Z"));

        Assert.Equal([Utc("2026-03-27T09:00:00Z"), Utc("2026-03-30T08:00:00Z")], reminders);
    }

    [Fact]
    public void Reminders_DeadlineAfterAutumnChange_UseBothOffsets()
    {
        var calendar = new ConversationCalendar(London() with { ReminderWorkingDaysBefore = [1, 2] });

        // Tuesday 27 October 2026 at 17:00 GMT.
        var reminders = calendar.Reminders(Utc("2026-10-27T17:00:00Z"), Utc("2026-10-01T00:00:00Z"));

        Assert.Equal([Utc("2026-10-23T08:00:00Z"), Utc("2026-10-26T09:00:00Z")], reminders);
    }

    [Theory]
    [InlineData("01:30", "2026-03-29T01:30:00Z")] // does not exist on 29 March: moved forward by the gap
    [InlineData("02:30", "2026-03-29T01:30:00Z")]
    public void At_TimeInSpringGap_ResolvesLeniently(string time, string expected)
    {
        var at = LondonCalendar.At(Date("2026-03-29"), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Utc(expected), at);
    }

    [Fact]
    public void At_TimeInAutumnOverlap_TakesEarlierInstant()
    {
        var at = LondonCalendar.At(Date("2026-10-25"), new TimeOnly(1, 30));

        Assert.Equal(Utc("2026-10-25T00:30:00Z"), at);
    }

    [Fact]
    public void CycleWindow_AtDeadlineTime_IsUtc()
    {
        Assert.Equal(Utc("2026-09-28T16:00:00Z"), LondonCalendar.CycleOpens);
        Assert.Equal(Utc("2026-12-11T17:00:00Z"), LondonCalendar.MeetingsHeldBy);
        Assert.Equal(TimeSpan.Zero, LondonCalendar.MeetingsHeldBy.Offset);
    }

    [Theory]
    [InlineData("2026-05-04T10:00:00Z", 0, "2026-05-05T16:00:00Z")] // early May bank holiday moves to Tuesday
    [InlineData("2026-04-30T10:00:00Z", 2, "2026-05-05T16:00:00Z")] // Friday 1 May, then Tuesday 5 May
    [InlineData("2026-10-10T10:00:00Z", 0, "2026-10-12T16:00:00Z")] // Saturday moves to Monday
    [InlineData("2026-10-09T10:00:00Z", 1, "2026-10-12T16:00:00Z")] // Friday plus one is Monday
    [InlineData("2026-10-10T10:00:00Z", 1, "2026-10-12T16:00:00Z")] // Saturday plus one is Monday
    [InlineData("2026-10-09T23:30:00Z", 0, "2026-10-12T16:00:00Z")] // 00:30 BST on Saturday is Saturday locally
    [InlineData("2026-10-12T18:00:00Z", 5, "2026-10-19T16:00:00Z")]
    [InlineData("2026-12-24T12:00:00Z", 1, "2027-01-04T17:00:00Z")] // Christmas, Boxing Day substitute, closure, New Year
    public void DeadlineAfter_WorkingDays_SkipsNonWorkingDays(string from, int workingDays, string expected)
    {
        var calendar = new ConversationCalendar(London(Date("2026-12-29"), Date("2026-12-30"), Date("2026-12-31")));

        Assert.Equal(Utc(expected), calendar.DeadlineAfter(Utc(from), workingDays));
    }

    [Theory]
    [InlineData("2026-10-11T10:00:00Z", 0, "2026-10-09T16:00:00Z")] // Sunday moves back to Friday
    [InlineData("2026-10-12T10:00:00Z", 1, "2026-10-09T16:00:00Z")] // Monday minus one is Friday
    [InlineData("2026-10-12T10:00:00Z", 2, "2026-10-08T16:00:00Z")]
    [InlineData("2026-05-05T10:00:00Z", 1, "2026-05-01T16:00:00Z")] // skips the early May bank holiday
    [InlineData("2026-05-04T10:00:00Z", 0, "2026-05-01T16:00:00Z")]
    public void DeadlineBefore_WorkingDays_SkipsNonWorkingDays(string at, int workingDays, string expected)
    {
        Assert.Equal(Utc(expected), LondonCalendar.DeadlineBefore(Utc(at), workingDays));
    }

    [Theory]
    [InlineData("2026-01-02", HolidayRegion.Scotland, false)] // 2 January: Scotland only
    [InlineData("2026-01-02", HolidayRegion.EnglandAndWales, true)]
    [InlineData("2026-11-30", HolidayRegion.Scotland, false)] // St Andrew's Day, a Monday in 2026
    [InlineData("2026-11-30", HolidayRegion.EnglandAndWales, true)]
    [InlineData("2026-08-03", HolidayRegion.Scotland, false)] // first Monday in August: Scotland's summer holiday
    [InlineData("2026-08-03", HolidayRegion.EnglandAndWales, true)]
    [InlineData("2026-08-31", HolidayRegion.EnglandAndWales, false)] // last Monday in August: not Scotland
    [InlineData("2026-08-31", HolidayRegion.Scotland, true)]
    [InlineData("2026-04-06", HolidayRegion.EnglandAndWales, false)] // Easter Monday
    [InlineData("2026-03-17", HolidayRegion.NorthernIreland, false)] // St Patrick's Day
    [InlineData("2026-03-17", HolidayRegion.EnglandAndWales, true)]
    [InlineData("2026-05-04", HolidayRegion.Scotland, false)]
    [InlineData("2026-05-04", HolidayRegion.None, true)]
    [InlineData("2026-10-10", HolidayRegion.EnglandAndWales, false)] // Saturday
    [InlineData("2026-10-11", HolidayRegion.None, false)] // Sunday
    public void IsWorkingDay_RegionHolidays_MatchRegion(string date, HolidayRegion region, bool expected)
    {
        var calendar = new ConversationCalendar(Make("Europe/London", region));

        Assert.Equal(expected, calendar.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void DeadlineAfter_ScottishHoliday_SkippedOnlyInScotland()
    {
        var scotland = new ConversationCalendar(Make("Europe/London", HolidayRegion.Scotland));
        var from = Utc("2026-11-27T10:00:00Z"); // Friday

        Assert.Equal(Utc("2026-12-01T17:00:00Z"), scotland.DeadlineAfter(from, 1));
        Assert.Equal(Utc("2026-11-30T17:00:00Z"), LondonCalendar.DeadlineAfter(from, 1));
    }

    [Fact]
    public void IsWorkingDay_ClosureDays_AreNonWorking()
    {
        var calendar = new ConversationCalendar(London(Date("2026-12-29"), Date("2026-12-30"), Date("2026-12-31")));

        Assert.False(calendar.IsWorkingDay(Date("2026-12-29")));
        Assert.False(calendar.IsWorkingDay(Date("2026-12-30")));
        Assert.False(calendar.IsWorkingDay(Date("2026-12-31")));
        Assert.True(calendar.IsWorkingDay(Date("2026-12-24")));
        Assert.True(LondonCalendar.IsWorkingDay(Date("2026-12-29")));
    }

    [Theory]
    [InlineData("2026-10-01T00:00:00Z", new[] { "2026-10-02T08:00:00Z", "2026-10-09T08:00:00Z", "2026-10-15T08:00:00Z" })]
    [InlineData("2026-10-05T00:00:00Z", new[] { "2026-10-09T08:00:00Z", "2026-10-15T08:00:00Z" })]
    [InlineData("2026-10-09T08:00:00Z", new[] { "2026-10-15T08:00:00Z" })] // a reminder at the planning instant is skipped
    [InlineData("2026-10-09T06:00:00Z", new[] { "2026-10-15T08:00:00Z" })] // and so is a later one on the same day
    [InlineData("2026-10-16T12:00:00Z", new string[0])]
    public void Reminders_TenFiveOne_SkipThoseNotAfterPlanningDay(string notBefore, string[] expected)
    {
        // Friday 16 October 2026 at 17:00 BST.
        var reminders = LondonCalendar.Reminders(Utc("2026-10-16T16:00:00Z"), Utc(notBefore));

        Assert.Equal(expected.Select(Utc), reminders);
    }

    [Fact]
    public void Reminders_BeforeBankHoliday_SkipIt()
    {
        var calendar = new ConversationCalendar(London() with { ReminderWorkingDaysBefore = [1] });

        // Tuesday 5 May 2026 at 17:00 BST. Monday 4 May is a bank holiday.
        var reminders = calendar.Reminders(Utc("2026-05-05T16:00:00Z"), Utc("2026-04-01T00:00:00Z"));

        Assert.Equal([Utc("2026-05-01T08:00:00Z")], reminders);
    }

    [Fact]
    public void Reminders_RepeatedOffsets_SentOnce()
    {
        var calendar = new ConversationCalendar(London() with { ReminderWorkingDaysBefore = [1, 0, 5, 1] });
        var deadline = Utc("2026-10-16T16:00:00Z");

        var reminders = calendar.Reminders(deadline, Utc("2026-10-01T00:00:00Z"));

        Assert.Equal([Utc("2026-10-09T08:00:00Z"), Utc("2026-10-15T08:00:00Z")], reminders);
        Assert.All(reminders, reminder => Assert.True(reminder < deadline));
    }

    [Fact]
    public void Reminders_DeadlineEarlyInDay_StayBeforeDeadline()
    {
        var calendar = new ConversationCalendar(London() with { ReminderTime = new TimeOnly(23, 30) });

        // 00:15 BST on Friday 16 October. The one-day reminder is at 23:30 BST on Thursday.
        var deadline = Utc("2026-10-15T23:15:00Z");
        var reminders = calendar.Reminders(deadline, Utc("2026-10-01T00:00:00Z"));

        Assert.Equal(Utc("2026-10-15T22:30:00Z"), reminders[^1]);
        Assert.All(reminders, reminder => Assert.True(reminder < deadline));
    }

    [Theory]
    [InlineData("2026-10-13T13:00:00Z", "2026-10-01T00:00:00Z", "2026-10-12T08:00:00Z")] // Tuesday meeting
    [InlineData("2026-10-12T13:00:00Z", "2026-10-01T00:00:00Z", "2026-10-09T08:00:00Z")] // Monday meeting: Friday
    [InlineData("2026-10-13T13:00:00Z", "2026-10-12T10:00:00Z", null)] // planned after the reminder time
    [InlineData("2026-10-13T13:00:00Z", "2026-10-12T06:00:00Z", null)] // planned earlier on the reminder's day
    public void MeetingReminder_OneWorkingDayBefore_AtReminderTime(string meetingAt, string notBefore, string? expected)
    {
        var reminder = LondonCalendar.MeetingReminder(Utc(meetingAt), Utc(notBefore));

        Assert.Equal(expected is null ? null : Utc(expected), reminder);
    }

    [Fact]
    public void MeetingReminder_SameDayAfterMeeting_IsNull()
    {
        var calendar = new ConversationCalendar(London() with { MeetingReminderWorkingDaysBefore = 0 });

        // The meeting is at 08:30 BST, before the 09:00 reminder time.
        var reminder = calendar.MeetingReminder(Utc("2026-10-13T07:30:00Z"), Utc("2026-10-01T00:00:00Z"));

        Assert.Null(reminder);
    }

    [Fact]
    public void MeetingReminder_ZeroDays_SameMorning()
    {
        var calendar = new ConversationCalendar(London() with { MeetingReminderWorkingDaysBefore = 0 });

        var reminder = calendar.MeetingReminder(Utc("2026-10-13T13:00:00Z"), Utc("2026-10-01T00:00:00Z"));

        Assert.Equal(Utc("2026-10-13T08:00:00Z"), reminder);
    }

    [Theory]
    [InlineData("Asia/Kuala_Lumpur", "2026-06-02T00:00:00Z", 3, "2026-06-05T09:00:00Z")] // UTC+8, no daylight saving
    [InlineData("Asia/Kuala_Lumpur", "2026-06-02T17:00:00Z", 0, "2026-06-03T09:00:00Z")] // 01:00 on 3 June locally
    [InlineData("Asia/Dubai", "2026-06-02T21:00:00Z", 0, "2026-06-03T13:00:00Z")] // UTC+4: 01:00 on 3 June locally
    [InlineData("Asia/Dubai", "2026-10-23T10:00:00Z", 1, "2026-10-26T13:00:00Z")] // Friday plus one is Monday
    public void DeadlineAfter_OverseasCampus_UsesLocalZone(string zone, string from, int workingDays, string expected)
    {
        var calendar = new ConversationCalendar(Make(zone, HolidayRegion.None));

        Assert.Equal(Utc(expected), calendar.DeadlineAfter(Utc(from), workingDays));
    }

    [Fact]
    public void Reminders_KualaLumpur_AtLocalReminderTime()
    {
        var calendar = new ConversationCalendar(Make("Asia/Kuala_Lumpur", HolidayRegion.None));

        // Friday 16 October 2026 at 17:00 MYT.
        var reminders = calendar.Reminders(Utc("2026-10-16T09:00:00Z"), Utc("2026-10-01T00:00:00Z"));

        Assert.Equal(
            [Utc("2026-10-02T01:00:00Z"), Utc("2026-10-09T01:00:00Z"), Utc("2026-10-15T01:00:00Z")],
            reminders);
    }

    [Fact]
    public void Calendar_ConfigurationDocExample_GivesDocumentedInstants()
    {
        var calendar = new ConversationCalendar(London());
        var startedAt = Utc("2026-09-28T09:00:00Z"); // Monday 10:00 BST
        var meetingAt = Utc("2026-10-27T14:00:00Z"); // Tuesday 14:00 GMT

        var assignment = calendar.DeadlineAfter(startedAt, 5);
        var assignmentReminders = calendar.Reminders(assignment, startedAt);
        var scheduling = calendar.DeadlineAfter(Utc("2026-10-01T11:00:00Z"), 10);
        var reflection = calendar.DeadlineBefore(meetingAt, 2);
        var meetingReminder = calendar.MeetingReminder(meetingAt, Utc("2026-10-12T12:00:00Z"));
        var recordUpload = calendar.DeadlineAfter(meetingAt, 5);

        Assert.Equal(Utc("2026-10-05T16:00:00Z"), assignment);
        Assert.Equal([Utc("2026-10-02T08:00:00Z")], assignmentReminders);
        Assert.Equal(Utc("2026-10-15T16:00:00Z"), scheduling);
        Assert.Equal(Utc("2026-10-23T16:00:00Z"), reflection);
        Assert.Equal(Utc("2026-10-26T09:00:00Z"), meetingReminder);
        Assert.Equal(Utc("2026-11-03T17:00:00Z"), recordUpload);
    }

    [Fact]
    public void Constructor_UnknownTimeZone_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConversationCalendar(Make("Mars/Olympus", HolidayRegion.None)));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }
}
