using System.Globalization;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>
/// Queues the messages and timeline entries a step produces. They are delivered together by one
/// activity call per step, which keeps the number of durable actions per conversation low.
/// </summary>
sealed class ConversationEffects(ConversationState state)
{
    public void Message(
        MessageKind kind, DateTimeOffset now, IReadOnlyList<Recipient> to,
        DeadlineKind? deadlineKind = null, DateTimeOffset? deadline = null, int? ordinal = null, int? revision = null)
    {
        if (to.Count == 0)
        {
            return;
        }

        var id = new MessageId(state.Input.InstanceId, kind, ordinal ?? state.NextOrdinal(kind), revision ?? state.Revision);
        var linkRole = LinkRole(kind, to[0].Role);
        var meeting = state.MeetingAt is { } at
            ? new MeetingDetails(at, state.MeetingLocation ?? string.Empty, state.MeetingSequence)
            : null;
        state.PendingMessages.Add(new OutgoingMessage(
            id.ToString(), kind, state.Input.InstanceId, state.Input.ConversationId, to, [],
            state.Input.Staff, state.Reviewer, state.Input.Faculty, state.Input.Department,
            state.Settings.Timing.TimeZoneId, deadline, deadlineKind, meeting,
            linkRole, linkRole is { } role ? state.TokenVersions[role] : 0, now));
    }

    public void Timeline(DateTimeOffset now, TimelineEntryKind kind, string summary, string? reference = null)
    {
        state.TimelineSequence++;
        var sequenced = string.Create(CultureInfo.InvariantCulture, $"{state.TimelineSequence}:{reference}");
        state.PendingTimeline.Add(new TimelineEntry(state.Input.InstanceId, now, kind, summary, sequenced));
    }

    public Recipient[] Staff() => [new(ActorRole.Staff, new Person(state.Input.Staff.Name, state.Input.Staff.Email))];

    public Recipient[] Reviewer() => state.Reviewer is { } reviewer ? [new(ActorRole.Reviewer, reviewer)] : [];

    public Recipient[] HeadOfDepartment() => [new(ActorRole.HeadOfDepartment, state.Settings.HeadOfDepartment)];

    /// <summary>The department's coordinator, or the staff member's line manager where there is none.</summary>
    public Recipient[] Coordinator()
    {
        var person = state.Settings.Coordinator ?? state.Input.LineManager ?? state.Settings.HeadOfDepartment;
        return [new(ActorRole.Coordinator, person)];
    }

    public Recipient[] ForRole(ActorRole role) => role switch
    {
        ActorRole.Staff => Staff(),
        ActorRole.Reviewer => Reviewer(),
        ActorRole.Coordinator => Coordinator(),
        ActorRole.HeadOfDepartment => HeadOfDepartment(),
        _ => [],
    };

    /// <summary>Messages that ask someone to act carry that person's link; notices carry none.</summary>
    static ActorRole? LinkRole(MessageKind kind, ActorRole firstRecipient) => kind switch
    {
        MessageKind.Escalation or MessageKind.MeetingCancelled or MessageKind.WithdrawalNotice => null,
        _ => firstRecipient,
    };
}
