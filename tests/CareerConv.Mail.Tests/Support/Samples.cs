using System.Globalization;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Mail.Tests.Support;

/// <summary>A sample conversation in SCI (Europe/London) whose people all have accents and apostrophes in their names.</summary>
static class Samples
{
    public const string TimeZone = "Europe/London";
    public const string ConversationId = "k3v7q2m9x4c8b6n1p5r0t7w3za";
    public const string InstanceId = "2026-spring:S0001";

    public static readonly StaffMember Staff = new("S0001", "Zoë O'Brien-Núñez", "zoe.obrien@example.ac.uk");
    public static readonly Person Reviewer = new("Dr Siân D'Arcy-Ó Ceallaigh", "sian.darcy@example.ac.uk");
    public static readonly Person Head = new("Professor Amara Okafor-Léon", "a.okafor@example.ac.uk");
    public static readonly Person Coordinator = new("Gareth Pryce-Øvergård", "g.pryce@example.ac.uk");

    /// <summary>Friday 6 March 2026, 17:00 GMT.</summary>
    public static readonly DateTimeOffset Deadline = At("2026-03-06T17:00:00Z");
    public const string DeadlineText = "Friday 6 March 2026, 17:00 GMT";

    /// <summary>Tuesday 10 March 2026, 14:30 GMT, in a room whose name needs HTML encoding.</summary>
    public static readonly MeetingDetails Meeting = new(At("2026-03-10T14:30:00Z"), "Physics <North> & Annex, room 2.14", 1);
    public const string MeetingText = "Tuesday 10 March 2026, 14:30 GMT";

    public static DateTimeOffset At(string utc) =>
        DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static Recipient For(ActorRole role) => role switch
    {
        ActorRole.Staff => new(role, new Person(Staff.Name, Staff.Email)),
        ActorRole.Reviewer => new(role, Reviewer),
        ActorRole.HeadOfDepartment => new(role, Head),
        _ => new(role, Coordinator),
    };

    /// <summary>A message of <paramref name="kind"/> to <paramref name="to"/>, carrying that role's link.</summary>
    public static OutgoingMessage Message(
        MessageKind kind,
        ActorRole to,
        DateTimeOffset? deadline = null,
        DeadlineKind? deadlineKind = null,
        MeetingDetails? meeting = null,
        bool withLink = true,
        int ordinal = 1) =>
        Message(kind, [For(to)], deadline, deadlineKind, meeting, withLink ? to : null, ordinal);

    public static OutgoingMessage Message(
        MessageKind kind,
        IReadOnlyList<Recipient> to,
        DateTimeOffset? deadline,
        DeadlineKind? deadlineKind,
        MeetingDetails? meeting,
        ActorRole? linkRole,
        int ordinal = 1,
        IReadOnlyList<Recipient>? cc = null) =>
        new(
            new MessageId(InstanceId, kind, ordinal, 1).ToString(),
            kind,
            InstanceId,
            ConversationId,
            to,
            cc ?? [],
            Staff,
            Reviewer,
            "SCI",
            "PHYS",
            TimeZone,
            deadline,
            deadlineKind,
            meeting,
            linkRole,
            1,
            At("2026-02-27T09:00:00Z"));
}

/// <summary>
/// Stands in for the web layer's link builder: a link for the message's link role only, with a query
/// string whose '&amp;' shows whether the link is encoded in HTML and left alone in text.
/// </summary>
sealed class TestLinks : IActionLinkBuilder
{
    public Uri? LinkFor(OutgoingMessage message, Recipient recipient) =>
        message.LinkRole is { } role && recipient.Role == role
            ? new Uri($"https://careers.example.ac.uk/a/{message.ConversationId}?role={role}&kind={message.Kind}&v={message.TokenVersion}")
            : null;
}
