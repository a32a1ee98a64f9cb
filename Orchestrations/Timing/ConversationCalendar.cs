using NodaTime;

namespace CareerConv.Orchestrations.Timing;

/// <summary>
/// Turns working-day counts into UTC instants for one conversation. It reads no clock and does no I/O, so
/// orchestrator code can call it on every replay. Saturdays, Sundays and the snapshot's
/// <see cref="TimingSnapshot.NonWorkingDates"/> are non-working. Local dates and times are in the faculty's
/// time zone from NodaTime's bundled TZDB. A local time that falls in a daylight-saving gap moves forward by
/// the gap, and one that occurs twice resolves to the earlier instant.
/// </summary>
public sealed class ConversationCalendar
{
    readonly TimingSnapshot timing;
    readonly DateTimeZone zone;
    readonly HashSet<DateOnly> nonWorkingDates;

    public ConversationCalendar(TimingSnapshot timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        this.timing = timing;
        zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timing.TimeZoneId)
            ?? throw new ArgumentException(
                $"Time zone '{timing.TimeZoneId}' is not in the TZDB bundled with NodaTime. Use an IANA id such as Europe/London.",
                nameof(timing));
        nonWorkingDates = [.. timing.NonWorkingDates];
    }

    /// <summary>The cycle's opening date at the deadline time, as a UTC instant.</summary>
    public DateTimeOffset CycleOpens => At(timing.CycleOpens, timing.DeadlineTime);

    /// <summary>The date by which meetings are held, at the deadline time, as a UTC instant.</summary>
    public DateTimeOffset MeetingsHeldBy => At(timing.MeetingsHeldBy, timing.DeadlineTime);

    /// <summary>Returns whether a local date is neither a weekend day nor a non-working date.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !nonWorkingDates.Contains(date);

    /// <summary>Returns the local date of an instant in the faculty's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(zone).Date.ToDateOnly();

    /// <summary>
    /// Returns the deadline <paramref name="workingDays"/> working days after the local date of
    /// <paramref name="from"/>, at the deadline time. Zero means that date itself, moved to the next working
    /// day when it is non-working.
    /// </summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = LocalDate(from);
        var deadlineDate = workingDays == 0 ? NextWorkingDayOrSame(date) : AddWorkingDays(date, workingDays);
        return At(deadlineDate, timing.DeadlineTime);
    }

    /// <summary>
    /// Returns the deadline <paramref name="workingDays"/> working days before the local date of
    /// <paramref name="at"/>, at the deadline time. Zero means that date itself, moved to the previous
    /// working day when it is non-working.
    /// </summary>
    public DateTimeOffset DeadlineBefore(DateTimeOffset at, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = LocalDate(at);
        var deadlineDate = workingDays == 0 ? PreviousWorkingDayOrSame(date) : SubtractWorkingDays(date, workingDays);
        return At(deadlineDate, timing.DeadlineTime);
    }

    /// <summary>
    /// Returns the reminders of a deadline in ascending order: one for each offset in
    /// <see cref="TimingSnapshot.ReminderWorkingDaysBefore"/>, that many working days before the deadline's
    /// local date at the reminder time. A reminder at or after the deadline is left out, and so is one on
    /// or before the local day of <paramref name="notBefore"/>: a deadline planned late gets no burst of
    /// reminders, and nobody is reminded on the day they were asked.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Reminders(DateTimeOffset deadline, DateTimeOffset notBefore)
    {
        var deadlineDate = LocalDate(deadline);
        var reminders = new SortedSet<DateTimeOffset>();
        foreach (var workingDays in timing.ReminderWorkingDaysBefore)
        {
            if (workingDays < 1)
            {
                continue;
            }

            var at = At(SubtractWorkingDays(deadlineDate, workingDays), timing.ReminderTime);
            if (at < deadline && IsLaterDay(at, notBefore))
            {
                reminders.Add(at);
            }
        }

        return [.. reminders];
    }

    /// <summary>
    /// Returns the meeting reminder, <see cref="TimingSnapshot.MeetingReminderWorkingDaysBefore"/> working
    /// days before the meeting's local date at the reminder time, or null when that is not before the meeting
    /// or not on a later local day than <paramref name="notBefore"/>.
    /// </summary>
    public DateTimeOffset? MeetingReminder(DateTimeOffset meetingAt, DateTimeOffset notBefore)
    {
        var meetingDate = LocalDate(meetingAt);
        var workingDays = timing.MeetingReminderWorkingDaysBefore;
        var reminderDate = workingDays < 1 ? meetingDate : SubtractWorkingDays(meetingDate, workingDays);
        var at = At(reminderDate, timing.ReminderTime);
        return at < meetingAt && IsLaterDay(at, notBefore) ? at : null;
    }

    bool IsLaterDay(DateTimeOffset at, DateTimeOffset notBefore) => LocalDate(at) > LocalDate(notBefore);

    /// <summary>Returns a local date and time in the faculty's time zone as a UTC instant.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) =>
        NodaTime.LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time)).InZoneLeniently(zone).ToInstant().ToDateTimeOffset();

    /// <summary>Returns the working day <paramref name="workingDays"/> working days after a date, not counting the date.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var result = date;
        for (var counted = 0; counted < workingDays;)
        {
            result = result.AddDays(1);
            if (IsWorkingDay(result))
            {
                counted++;
            }
        }

        return result;
    }

    /// <summary>Returns the working day <paramref name="workingDays"/> working days before a date, not counting the date.</summary>
    public DateOnly SubtractWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var result = date;
        for (var counted = 0; counted < workingDays;)
        {
            result = result.AddDays(-1);
            if (IsWorkingDay(result))
            {
                counted++;
            }
        }

        return result;
    }

    DateOnly NextWorkingDayOrSame(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    DateOnly PreviousWorkingDayOrSame(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
