using System.Globalization;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Orchestrations.Tests.Workflow;

/// <summary>One expected email: its kind, its recipients in order, and when it went.</summary>
sealed record Sent(MessageKind Kind, string To, DateTimeOffset At)
{
    public static Sent Of(MessageKind kind, string to, string at) =>
        new(kind, to, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

    public static Sent From(SentMessage message) =>
        new(message.Message.Kind, string.Join(",", message.Message.To.Select(r => r.Person.Email)), message.SentAt);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{At:yyyy-MM-ddTHH:mm}Z {Kind} -> {To}");
}

/// <summary>Named times and people of the sample faculty SCI, department PHYS.</summary>
static class Sci
{
    public const string Staff = "s0001@example.ac.uk";
    public const string Reviewer = "a.lovelace@example.ac.uk";
    public const string Head = "a.okafor@example.ac.uk";
    public const string Coordinator = "g.pryce@example.ac.uk";
    public const string Both = Reviewer + "," + Staff;

    /// <summary>Monday 28 September 2026, 09:00 BST: the autumn cycle opens.</summary>
    public static readonly DateTimeOffset Opens = At("2026-09-28T08:00:00Z");

    public static readonly Person ReviewerPerson = new("Dr Ada Lovelace", Reviewer);

    public static DateTimeOffset At(string utc) =>
        DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static MeetingScheduledEvent Meeting(string id, string meetingAt) =>
        new(id, new Actor(ActorRole.Reviewer, Reviewer), At(meetingAt), "Physics building, room 2.14");

    public static ReflectionSubmittedEvent Notes(string id) =>
        new(id, new Actor(ActorRole.Staff, Staff), "notes/c1/1.json", new string('a', 64));

    public static RecordUploadedEvent Record(string id, int version = 1) =>
        new(id, new Actor(ActorRole.Reviewer, Reviewer), $"records/c1/{version}.pdf", new string('b', 64), 183_402, version);

    public static HandoffConfirmedEvent Handoff(string id) =>
        new(id, new Actor(ActorRole.Coordinator, Coordinator));
}
