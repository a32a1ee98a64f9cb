using CareerConv.Mail.Calendar;
using CareerConv.Mail.Tests.Support;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail.Tests.Calendar;

public sealed class MeetingInvitesTests
{
    readonly MeetingInvites invites = new(Options.Create(Pipeline.Options()));

    [Fact]
    public void For_MeetingConfirmed_RequestInFacultyZone()
    {
        var invite = invites.For(Confirmed(Samples.Meeting))!;

        var calendar = Ical.Net.Calendar.Load(invite.Content)!;
        var meeting = calendar.Events.Single();
        Assert.Equal("REQUEST", invite.Method);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(MeetingInvites.Uid(Samples.ConversationId), meeting.Uid);
        Assert.Equal(1, meeting.Sequence);
        Assert.Equal("Europe/London", meeting.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 3, 10, 14, 30, 0), meeting.DtStart.Value);
        Assert.Equal(new DateTime(2026, 3, 10, 15, 30, 0), meeting.DtEnd!.Value);
        Assert.Equal("Europe/London", calendar.TimeZones.Single().TzId);
        Assert.Equal("Physics <North> & Annex, room 2.14", meeting.Location);
        Assert.Equal(["mailto:" + Samples.Reviewer.Email, "mailto:" + Samples.Staff.Email],
            meeting.Attendees.Select(a => a.Value!.ToString()));
        Assert.Equal(Samples.Staff.Name, meeting.Attendees[1].CommonName);
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", invite.ContentType);
    }

    [Fact]
    public void For_KualaLumpurMeeting_UsesThatZone()
    {
        var message = Confirmed(new MeetingDetails(Samples.At("2026-06-15T02:00:00Z"), "Block B", 1)) with
        {
            TimeZoneId = "Asia/Kuala_Lumpur",
        };

        var meeting = Ical.Net.Calendar.Load(invites.For(message)!.Content)!.Events.Single();

        Assert.Equal("Asia/Kuala_Lumpur", meeting.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 6, 15, 10, 0, 0), meeting.DtStart.Value);
        Assert.Equal(Samples.At("2026-06-15T02:00:00Z").UtcDateTime, meeting.DtStart.AsUtc);
    }

    [Fact]
    public void For_Reschedule_SameUidHigherSequence()
    {
        var first = Ical.Net.Calendar.Load(invites.For(Confirmed(Samples.Meeting))!.Content)!.Events.Single();
        var moved = new MeetingDetails(Samples.At("2026-03-12T09:00:00Z"), "Room 2.14", 2);

        var second = Ical.Net.Calendar.Load(invites.For(Confirmed(moved))!.Content)!.Events.Single();

        Assert.Equal(first.Uid, second.Uid);
        Assert.True(second.Sequence > first.Sequence);
        Assert.Equal(new DateTime(2026, 3, 12, 9, 0, 0), second.DtStart!.Value);
    }

    [Fact]
    public void For_MeetingCancelled_CancelsWithHigherSequence()
    {
        var message = Samples.Message(MessageKind.MeetingCancelled, ActorRole.Reviewer, meeting: Samples.Meeting with { Sequence = 3 }, withLink: false);

        var invite = invites.For(message)!;

        var calendar = Ical.Net.Calendar.Load(invite.Content)!;
        var meeting = calendar.Events.Single();
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", meeting.Status);
        Assert.Equal(MeetingInvites.Uid(Samples.ConversationId), meeting.Uid);
        Assert.Equal(4, meeting.Sequence);
        Assert.Equal("Europe/London", meeting.DtStart!.TzId);
    }

    [Theory]
    [InlineData(MessageKind.MeetingReminder)]
    [InlineData(MessageKind.NotesReady)]
    [InlineData(MessageKind.RecordRequest)]
    public void For_OtherKinds_NoInvite(MessageKind kind) =>
        Assert.Null(invites.For(Samples.Message(kind, ActorRole.Reviewer, meeting: Samples.Meeting)));

    [Fact]
    public void For_ConfirmedWithoutMeeting_NoInvite() =>
        Assert.Null(invites.For(Samples.Message(MessageKind.MeetingConfirmed, ActorRole.Reviewer)));

    static OutgoingMessage Confirmed(MeetingDetails meeting) =>
        Samples.Message(MessageKind.MeetingConfirmed, [Samples.For(ActorRole.Reviewer), Samples.For(ActorRole.Staff)],
            null, null, meeting, ActorRole.Reviewer);
}
