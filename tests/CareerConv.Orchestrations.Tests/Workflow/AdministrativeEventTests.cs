using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask.Client;
using static CareerConv.Orchestrations.Tests.Workflow.Sent;

namespace CareerConv.Orchestrations.Tests.Workflow;

public sealed class AdministrativeEventTests
{
    static readonly Actor Admin = new(ActorRole.Admin, "hr.admin@example.ac.uk");

    [Fact]
    public async Task Event_NotAcceptedInStage_IsRecordedAndIgnored()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));

        await rig.RaiseAsync(id, ConversationEvents.HandoffConfirmed, Sci.Handoff("h1"));

        var timeline = await rig.Timeline.ReadAsync(id);
        Assert.Single(timeline, e => e.Kind == TimelineEntryKind.EventIgnored && e.Summary.Contains("HandoffConfirmed", StringComparison.Ordinal));
        Assert.Equal(ConversationStage.MeetingScheduling, (await rig.StatusAsync(id)).Stage);
        Assert.Equal(2, rig.SentTo(id).Count);
    }

    [Fact]
    public async Task Withdrawn_AwaitingMeeting_CancelsMeetingAndEnds()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));

        await rig.RaiseAsync(id, ConversationEvents.Withdrawn, new WithdrawnEvent("w1", Admin, "Left the university"));

        var instance = await rig.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var outcome = instance.ReadOutputAs<ConversationOutcome>()!;
        Assert.Equal(ConversationStage.Withdrawn, outcome.Stage);
        Assert.Equal("Left the university", outcome.Reason);
        Assert.Equal(Of(MessageKind.MeetingCancelled, Sci.Reviewer, "2026-09-28T08:00:00Z"), From(rig.SentTo(id)[^1]));
    }

    [Fact]
    public async Task PauseAndResume_MovesDeadlineAndHoldsReminders()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        rig.RaiseAt(Sci.At("2026-10-01T09:00:00Z"), id, ConversationEvents.Paused, new PausedEvent("p1", Admin, "Parental leave"));
        rig.RaiseAt(Sci.At("2026-10-08T09:00:00Z"), id, ConversationEvents.Resumed, new ResumedEvent("r1", Admin));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-02T00:00:00Z"));
        var paused = await rig.StatusAsync(id);

        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-20T00:00:00Z"));

        Assert.True(paused.Paused);
        Assert.Null(paused.NextDeadline);
        // Seven days paused: the meeting request deadline moves from Monday 12 to Monday 19 October.
        Sent[] expected =
        [
            Of(MessageKind.MeetingRequestReminder, Sci.Reviewer, "2026-10-12T08:00:00Z"),
            Of(MessageKind.MeetingRequestReminder, Sci.Reviewer, "2026-10-16T08:00:00Z"),
            Of(MessageKind.Escalation, Sci.Head, "2026-10-19T16:00:00Z"),
        ];
        Assert.Equal(expected, rig.SentTo(id).Select(From).Where(s => s.Kind is MessageKind.MeetingRequestReminder or MessageKind.Escalation));
        Assert.False((await rig.StatusAsync(id)).Paused);
    }

    [Fact]
    public async Task DeadlineExtended_RecordUpload_MovesDeadlineByWorkingDays()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-21T10:00:00Z"));

        await rig.RaiseAsync(id, ConversationEvents.DeadlineExtended,
            new DeadlineExtendedEvent("x1", Admin, DeadlineKind.RecordUpload, 3, "Reviewer off sick"));

        // Tuesday 27 October plus three working days is Friday 30 October, 17:00 GMT.
        var status = await rig.StatusAsync(id);
        Assert.Equal(Sci.At("2026-10-30T17:00:00Z"), status.NextDeadline);
        Assert.Equal(DeadlineKind.RecordUpload, status.NextDeadlineKind);
    }

    [Fact]
    public async Task ReviewerChanged_MeetingScheduling_AsksNewReviewerAndSupersedesOldLinks()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        var before = (await rig.StatusAsync(id)).TokenVersions[ActorRole.Reviewer];
        var newReviewer = new Person("Dr Grace Hopper", "g.hopper@example.ac.uk");

        await rig.RaiseAsync(id, ConversationEvents.ReviewerChanged, new ReviewerChangedEvent("c1", Admin, newReviewer, "Workload"));

        var last = rig.SentTo(id)[^1].Message;
        Assert.Equal(MessageKind.MeetingRequest, last.Kind);
        Assert.Equal("g.hopper@example.ac.uk", last.To.Single().Person.Email);
        Assert.Equal(before + 1, last.TokenVersion);
        Assert.Equal(before + 1, (await rig.StatusAsync(id)).TokenVersions[ActorRole.Reviewer]);
    }

    [Fact]
    public async Task Status_EveryStep_ShowsStageDeadlineAndRevision()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        var first = await rig.StatusAsync(id);

        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        var second = await rig.StatusAsync(id);

        Assert.Equal(ConversationStage.MeetingScheduling, first.Stage);
        Assert.Equal(Sci.At("2026-10-12T16:00:00Z"), first.NextDeadline);
        Assert.Equal(DeadlineKind.MeetingScheduling, first.NextDeadlineKind);
        Assert.Equal(ConversationStage.AwaitingMeeting, second.Stage);
        Assert.Equal(Sci.At("2026-10-16T16:00:00Z"), second.NextDeadline);
        Assert.Equal(DeadlineKind.Reflection, second.NextDeadlineKind);
        Assert.True(second.ScheduleRevision > first.ScheduleRevision);
    }
}
