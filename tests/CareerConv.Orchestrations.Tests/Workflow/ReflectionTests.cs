using CareerConv.Orchestrations.Contracts;
using static CareerConv.Orchestrations.Tests.Workflow.Sent;

namespace CareerConv.Orchestrations.Tests.Workflow;

/// <summary>
/// The reflection track. With the meeting on Tuesday 20 October 2026 at 14:00 BST, the reflection
/// deadline is Friday 16 October at 17:00 BST and its reminders fall on 2, 9 and 15 October at 09:00.
/// </summary>
public sealed class ReflectionTests
{
    const string MeetingAt = "2026-10-20T13:00:00Z";

    [Fact]
    public async Task Reflection_SubmittedAfterSecondReminder_StopsTheReminders()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await StartWithMeetingAsync(rig);
        rig.RaiseAt(Sci.At("2026-10-12T11:00:00Z"), id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));

        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-19T00:00:00Z"));

        Sent[] expected =
        [
            Of(MessageKind.ReflectionInvitation, Sci.Staff, "2026-09-28T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-02T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-09T08:00:00Z"),
            Of(MessageKind.NotesReady, Sci.Reviewer, "2026-10-12T11:00:00Z"),
        ];
        Assert.Equal(expected, ReflectionMessages(rig, id));
        Assert.Equal(ReflectionState.Submitted, (await rig.StatusAsync(id)).Reflection);
    }

    [Fact]
    public async Task Reflection_TimerWinsThreeTimes_OneSubmissionCompletesTheWait()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await StartWithMeetingAsync(rig);
        rig.RaiseAt(Sci.At("2026-10-16T10:00:00Z"), id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));

        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-17T00:00:00Z"));

        Sent[] expected =
        [
            Of(MessageKind.ReflectionInvitation, Sci.Staff, "2026-09-28T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-02T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-09T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-15T08:00:00Z"),
            Of(MessageKind.NotesReady, Sci.Reviewer, "2026-10-16T10:00:00Z"),
        ];
        Assert.Equal(expected, ReflectionMessages(rig, id));
        var status = await rig.StatusAsync(id);
        Assert.Equal(ReflectionState.Submitted, status.Reflection);
        Assert.Equal(ConversationStage.AwaitingMeeting, status.Stage);
        Assert.Null(status.NextDeadline);
    }

    [Fact]
    public async Task Reflection_SubmittedBeforeOrchestratorWaits_IsUsed()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var input = ConversationRig.Input(reviewer: Sci.ReviewerPerson);

        // Raised straight after the start, while the conversation is still reading its settings.
        await rig.Client.ScheduleNewOrchestrationInstanceAsync(
            CareerConv.Orchestrations.Workflow.WorkflowTasks.ConversationOrchestrator, input,
            new Microsoft.DurableTask.StartOrchestrationOptions(input.InstanceId));
        await rig.Client.RaiseEventAsync(input.InstanceId, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-19T00:00:00Z"));

        Sent[] expected =
        [
            Of(MessageKind.ReflectionInvitation, Sci.Staff, "2026-09-28T08:00:00Z"),
            Of(MessageKind.NotesReady, Sci.Reviewer, "2026-09-28T08:00:00Z"),
        ];
        Assert.Equal(expected, ReflectionMessages(rig, input.InstanceId));
    }

    [Fact]
    public async Task Reflection_SameSubmissionTwice_AppliesItOnce()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await StartWithMeetingAsync(rig);

        await rig.RaiseAsync(id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));
        await rig.RaiseAsync(id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));

        Assert.Single(rig.SentTo(id), m => m.Message.Kind == MessageKind.NotesReady);
        var timeline = await rig.Timeline.ReadAsync(id);
        Assert.Single(timeline, e => e.Kind == TimelineEntryKind.DuplicateIgnored);
        Assert.Single(timeline, e => e.Kind == TimelineEntryKind.EventAccepted && e.Summary.StartsWith("ReflectionSubmitted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reflection_DeadlineMissed_TellsReviewerEscalatesAndMeetingGoesAhead()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await StartWithMeetingAsync(rig);

        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-20T13:00:00Z"));

        Sent[] expected =
        [
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-02T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-09T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-15T08:00:00Z"),
            Of(MessageKind.ReflectionMissed, Sci.Reviewer, "2026-10-16T16:00:00Z"),
            Of(MessageKind.Escalation, Sci.Head, "2026-10-16T16:00:00Z"),
            Of(MessageKind.MeetingReminder, Sci.Both, "2026-10-19T08:00:00Z"),
            Of(MessageKind.RecordRequest, Sci.Reviewer, "2026-10-20T13:00:00Z"),
        ];
        Assert.Equal(expected, rig.SentTo(id).Select(From).Where(s => s.At > Sci.At("2026-10-01T10:00:00Z")));
        var status = await rig.StatusAsync(id);
        Assert.Equal(ConversationStage.RecordUpload, status.Stage);
        Assert.Equal(ReflectionState.Missed, status.Reflection);
    }

    [Fact]
    public async Task Reflection_MeetingRescheduled_MovesDeadlineAndEveryLaterReminder()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await StartWithMeetingAsync(rig);
        var before = (await rig.StatusAsync(id)).ScheduleRevision;
        rig.RaiseAt(Sci.At("2026-10-05T10:00:00Z"), id, ConversationEvents.MeetingScheduled, Sci.Meeting("m2", "2026-11-03T14:00:00Z"));

        await rig.Clock.AdvanceToAsync(Sci.At("2026-11-01T00:00:00Z"));

        // Tuesday 3 November: the deadline is Friday 30 October, 17:00 GMT, with reminders on
        // 16, 23 and 29 October at 09:00 local time.
        Sent[] expected =
        [
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-02T08:00:00Z"),
            Of(MessageKind.MeetingConfirmed, Sci.Both, "2026-10-05T10:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-16T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-23T08:00:00Z"),
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-29T09:00:00Z"),
            Of(MessageKind.ReflectionMissed, Sci.Reviewer, "2026-10-30T17:00:00Z"),
            Of(MessageKind.Escalation, Sci.Head, "2026-10-30T17:00:00Z"),
        ];
        Assert.Equal(expected, rig.SentTo(id).Select(From).Where(s => s.At > Sci.At("2026-10-01T10:00:00Z")));
        var status = await rig.StatusAsync(id);
        Assert.True(status.ScheduleRevision > before);
        Assert.Equal(Sci.At("2026-11-03T14:00:00Z"), status.MeetingAt);
        var reschedule = rig.SentTo(id).Last(m => m.Message.Kind == MessageKind.MeetingConfirmed).Message;
        Assert.Equal(1, reschedule.Meeting!.Sequence);
    }

    [Fact]
    public async Task Reflection_RescheduleAfterSubmission_SendsNoReflectionReminders()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await StartWithMeetingAsync(rig);
        await rig.RaiseAsync(id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));

        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m2", "2026-11-03T14:00:00Z"));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-11-02T00:00:00Z"));

        Assert.DoesNotContain(rig.SentTo(id), m => m.Message.Kind is MessageKind.ReflectionReminder or MessageKind.ReflectionMissed);
        Assert.Equal(2, rig.SentTo(id).Count(m => m.Message.Kind == MessageKind.MeetingConfirmed));
    }

    static async Task<string> StartWithMeetingAsync(ConversationRig rig)
    {
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        rig.RaiseAt(Sci.At("2026-10-01T10:00:00Z"), id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", MeetingAt));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-01T10:00:00Z"));
        return id;
    }

    static IEnumerable<Sent> ReflectionMessages(ConversationRig rig, string id) =>
        rig.SentTo(id).Select(From).Where(s => s.Kind is MessageKind.ReflectionInvitation or MessageKind.ReflectionReminder
            or MessageKind.NotesReady or MessageKind.ReflectionMissed);
}
