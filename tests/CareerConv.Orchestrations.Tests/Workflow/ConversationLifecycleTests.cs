using System.Diagnostics;
using CareerConv.Orchestrations.Contracts;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;
using static CareerConv.Orchestrations.Tests.Workflow.Sent;

namespace CareerConv.Orchestrations.Tests.Workflow;

/// <summary>
/// Whole conversations on the real engine with the virtual clock and the sample faculty SCI
/// (Europe/London, deadlines at 17:00, reminders at 09:00, 10/5/1 working days before).
/// </summary>
public sealed class ConversationLifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Conversation_EveryPartyActsPromptly_SendsEachMessageOnceAtItsInstant()
    {
        var watch = Stopwatch.StartNew();
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        rig.RaiseAt(Sci.At("2026-10-01T10:00:00Z"), id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        rig.RaiseAt(Sci.At("2026-10-05T12:00:00Z"), id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));
        rig.RaiseAt(Sci.At("2026-10-21T09:00:00Z"), id, ConversationEvents.RecordUploaded, Sci.Record("r1"));
        rig.RaiseAt(Sci.At("2026-10-22T10:00:00Z"), id, ConversationEvents.HandoffConfirmed, Sci.Handoff("h1"));

        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-22T10:00:00Z"));
        watch.Stop();

        Sent[] expected =
        [
            Of(MessageKind.MeetingRequest, Sci.Reviewer, "2026-09-28T08:00:00Z"),
            Of(MessageKind.ReflectionInvitation, Sci.Staff, "2026-09-28T08:00:00Z"),
            Of(MessageKind.MeetingConfirmed, Sci.Both, "2026-10-01T10:00:00Z"),
            // Ten working days before the reflection deadline of Friday 16 October, 17:00 BST.
            Of(MessageKind.ReflectionReminder, Sci.Staff, "2026-10-02T08:00:00Z"),
            Of(MessageKind.NotesReady, Sci.Reviewer, "2026-10-05T12:00:00Z"),
            Of(MessageKind.MeetingReminder, Sci.Both, "2026-10-19T08:00:00Z"),
            Of(MessageKind.RecordRequest, Sci.Reviewer, "2026-10-20T13:00:00Z"),
            Of(MessageKind.HandoffRequest, Sci.Coordinator, "2026-10-21T09:00:00Z"),
            Of(MessageKind.Completion, Sci.Staff, "2026-10-22T10:00:00Z"),
        ];
        Assert.Equal(expected, rig.SentTo(id).Select(From));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await rig.InstanceAsync(id)).RuntimeStatus);
        Assert.Equal(0, rig.Sender.DuplicateCalls);
        output.WriteLine($"Full cycle on the engine: {watch.Elapsed.TotalMilliseconds:F0} ms of wall time");
    }

    [Fact]
    public async Task Conversation_DeadlinesAcrossClockChange_UseLocalTime()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        await rig.RaiseAsync(id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));

        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-28T12:00:00Z"));

        var recordMessages = rig.SentTo(id).Where(m => m.Message.Kind is MessageKind.RecordRequest or MessageKind.RecordReminder).ToList();
        // Five working days after Tuesday 20 October is Tuesday 27 October, 17:00 GMT: after the clocks went back.
        Assert.Equal(Sci.At("2026-10-27T17:00:00Z"), recordMessages[0].Message.Deadline);
        Assert.Equal(Sci.At("2026-10-26T09:00:00Z"), recordMessages[1].SentAt);
        Assert.Equal(MessageKind.RecordReminder, recordMessages[1].Message.Kind);
        Assert.Equal(2, recordMessages.Count);
        var missed = rig.SentTo(id).Single(m => m.Message.Kind == MessageKind.Escalation);
        Assert.Equal(Sci.At("2026-10-27T17:00:00Z"), missed.SentAt);
        Assert.Equal(Sci.Head, missed.Message.To.Single().Person.Email);
    }

    [Fact]
    public async Task Conversation_NoRosterReviewer_AsksHeadRemindsAndEscalates()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input());

        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-06T12:00:00Z"));
        await rig.RaiseAsync(id, ConversationEvents.ReviewerAssigned,
            new ReviewerAssignedEvent("a1", new Actor(ActorRole.HeadOfDepartment, Sci.Head), Sci.ReviewerPerson));

        Sent[] expected =
        [
            Of(MessageKind.ReviewerRequest, Sci.Head, "2026-09-28T08:00:00Z"),
            // The deadline is five working days after the opening: Monday 5 October, 17:00 BST.
            Of(MessageKind.ReviewerRequestReminder, Sci.Head, "2026-10-02T08:00:00Z"),
            Of(MessageKind.Escalation, Sci.Head, "2026-10-05T16:00:00Z"),
            Of(MessageKind.MeetingRequest, Sci.Reviewer, "2026-10-06T12:00:00Z"),
            Of(MessageKind.ReflectionInvitation, Sci.Staff, "2026-10-06T12:00:00Z"),
        ];
        Assert.Equal(expected, rig.SentTo(id).Select(From));
        var status = await rig.StatusAsync(id);
        Assert.Equal(ConversationStage.MeetingScheduling, status.Stage);
        Assert.Equal(ReflectionState.Open, status.Reflection);
    }

    [Fact]
    public async Task Conversation_LastEventArrivesEarly_CompletesAtOnce()
    {
        await using var rig = await ConversationRig.StartAsync(Sci.Opens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-09-29T13:00:00Z"));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-09-29T13:00:00Z"));
        await rig.RaiseAsync(id, ConversationEvents.RecordUploaded, Sci.Record("r1"));

        await rig.RaiseAsync(id, ConversationEvents.HandoffConfirmed, Sci.Handoff("h1"));

        var instance = await rig.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(Sci.At("2026-09-29T13:00:00Z"), rig.Clock.GetUtcNow());
        Assert.Equal(MessageKind.Completion, rig.SentTo(id)[^1].Message.Kind);
        Assert.Equal(ConversationStage.Completed, instance.ReadOutputAs<CareerConv.Orchestrations.Workflow.ConversationOutcome>()!.Stage);
    }
}
