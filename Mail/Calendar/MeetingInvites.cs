using CareerConv.Mail.Rendering;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CareerConv.Mail.Calendar;

/// <summary>
/// Builds the iCalendar invite (RFC 5546 scheduling) that meeting emails carry: METHOD:REQUEST for
/// <see cref="MessageKind.MeetingConfirmed"/>, METHOD:CANCEL for <see cref="MessageKind.MeetingCancelled"/>.
/// The UID is the same for every invite of one conversation's meeting, so calendars update the one entry.
/// </summary>
public sealed class MeetingInvites(IOptions<MailOptions> options)
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    /// <summary>Returns the invite for a meeting email, or null for other kinds and messages without a meeting.</summary>
    public CalendarInvite? For(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var method = message.Kind switch
        {
            MessageKind.MeetingConfirmed => Request,
            MessageKind.MeetingCancelled => Cancel,
            _ => null,
        };
        if (method is null || message.Meeting is not { } meeting)
        {
            return null;
        }

        var calendar = new Ical.Net.Calendar { Method = method, ProductId = "-//CareerConv//Career conversations//EN" };
        var start = LocalStart(meeting.At, message.TimeZoneId);
        calendar.AddTimeZone(message.TimeZoneId, start.AddDays(-1), includeHistoricalData: false);
        calendar.Events.Add(Event(message, meeting, method, start));
        return new CalendarInvite(method, new CalendarSerializer(calendar).SerializeToString()!);
    }

    /// <summary>The UID of a conversation's meeting; the conversation id is random and carries no personal data.</summary>
    public static string Uid(string conversationId) => $"meeting-{conversationId}@careerconv";

    CalendarEvent Event(OutgoingMessage message, MeetingDetails meeting, string method, DateTime start)
    {
        var settings = options.Value;
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(message.ConversationId),
            // A cancellation is a significant revision of the event, so it needs a higher SEQUENCE than the
            // last invite (RFC 5545, 3.8.7.4). Each reschedule has already raised MeetingDetails.Sequence.
            Sequence = method == Cancel ? meeting.Sequence + 1 : meeting.Sequence,
            Summary = $"Career conversation: {message.Staff.Name}",
            Description = message.Reviewer is { } reviewer
                ? $"Career conversation between {message.Staff.Name} and {reviewer.Name}."
                : $"Career conversation with {message.Staff.Name}.",
            Location = string.IsNullOrWhiteSpace(meeting.Location) ? null : meeting.Location,
            DtStart = new CalDateTime(start, message.TimeZoneId, hasTime: true),
            DtEnd = new CalDateTime(start.Add(settings.MeetingDuration), message.TimeZoneId, hasTime: true),
            DtStamp = new CalDateTime(message.PlannedAt.UtcDateTime, CalDateTime.UtcTzId, hasTime: true),
            Status = method == Cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + settings.FromAddress) { CommonName = settings.FromName },
        };
        foreach (var person in Attendees(message))
        {
            calendarEvent.Attendees.Add(new Attendee("mailto:" + person.Email)
            {
                CommonName = person.Name,
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = EventParticipationStatus.NeedsAction,
                Rsvp = method == Request,
            });
        }

        return calendarEvent;
    }

    /// <summary>Both people in the meeting, whoever this particular email goes to.</summary>
    static IEnumerable<Person> Attendees(OutgoingMessage message)
    {
        if (message.Reviewer is { } reviewer)
        {
            yield return reviewer;
        }

        yield return new Person(message.Staff.Name, message.Staff.Email);
    }

    static DateTime LocalStart(DateTimeOffset at, string timeZoneId)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(MailTime.Zone(timeZoneId)).LocalDateTime;
        return local.ToDateTimeUnspecified();
    }
}
