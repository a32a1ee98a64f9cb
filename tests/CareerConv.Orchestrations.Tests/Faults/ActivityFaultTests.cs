using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Tests.Workflow;
using Microsoft.DurableTask.Client;

namespace CareerConv.Orchestrations.Tests.Faults;

/// <summary>
/// Faults injected into the effects activity on the real engine with the virtual clock. Activity retries
/// wait 5, 10, 20 and 40 seconds of virtual time, so each test moves the clock two minutes on to let
/// them run.
/// </summary>
[Collection(nameof(SerialFaults))]
public sealed class ActivityFaultTests
{
    static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(2);
    static readonly Actor Admin = new(ActorRole.Admin, "hr.admin@example.ac.uk");

    [Theory]
    [InlineData(FaultPoint.BeforeDelivery, 0)]
    [InlineData(FaultPoint.AfterDelivery, 3)]
    public async Task Sender_FailsThreeTimes_SendsEachIdOnce(FaultPoint point, int expectedRepeats)
    {
        FaultySender? faulty = null;
        await using var rig = await ConversationRig.StartAsync(
            Sci.Opens, sender: (_, inner) => faulty = new FaultySender(inner, point) { FailFirst = 3 });
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));

        await rig.Clock.AdvanceByAsync(RetryWindow);
        var afterRetries = await rig.StatusAsync(id);
        await FinishAsync(rig, id);

        Assert.NotNull(faulty);
        Assert.Equal(3, faulty.Failures);
        Assert.Null(afterRetries.Failure);
        Assert.Equal(ConversationStage.MeetingScheduling, afterRetries.Stage);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await rig.InstanceAsync(id)).RuntimeStatus);
        AssertEachIdOnce(rig, id);
        // Each retry after a delivered message finds its id already sent instead of sending it again.
        Assert.Equal(expectedRepeats, rig.Sender.DuplicateCalls);
    }

    [Fact]
    public async Task Sender_KeepsFailing_ShowsFailureUntilRetryStep()
    {
        FaultySender? faulty = null;
        await using var rig = await ConversationRig.StartAsync(
            Sci.Opens, sender: (_, inner) => faulty = new FaultySender(inner, FaultPoint.BeforeDelivery) { Broken = true });
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Sci.ReviewerPerson));
        await rig.Clock.AdvanceByAsync(RetryWindow);
        var failed = await rig.StatusAsync(id);
        var sentWhileFailed = rig.SentTo(id).Count;

        faulty!.Broken = false;
        await rig.RaiseAsync(id, ConversationEvents.RetryStep, new RetryStepEvent("retry-1", Admin));
        var retried = await rig.StatusAsync(id);
        var sentAfterRetry = rig.SentTo(id).Select(m => m.Message.Kind).ToList();
        await FinishAsync(rig, id);

        Assert.Equal(5, faulty.Failures);
        Assert.NotNull(failed.Failure);
        Assert.Contains("failed after 5 attempts", failed.Failure, StringComparison.Ordinal);
        Assert.Contains("the mail service is unavailable", failed.Failure, StringComparison.Ordinal);
        Assert.Equal(0, sentWhileFailed);
        Assert.Null(retried.Failure);
        Assert.Equal([MessageKind.MeetingRequest, MessageKind.ReflectionInvitation], sentAfterRetry);
        var timeline = await rig.Timeline.ReadAsync(id);
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.Change && e.Summary == "Failed step retried");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await rig.InstanceAsync(id)).RuntimeStatus);
        AssertEachIdOnce(rig, id);
        Assert.Equal(0, rig.Sender.DuplicateCalls);
    }

    /// <summary>Acts promptly for every party until the conversation completes.</summary>
    static async Task FinishAsync(ConversationRig rig, string id)
    {
        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        await rig.RaiseAsync(id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-21T09:00:00Z"));
        await rig.RaiseAsync(id, ConversationEvents.RecordUploaded, Sci.Record("r1"));
        await rig.RaiseAsync(id, ConversationEvents.HandoffConfirmed, Sci.Handoff("h1"));
    }

    static void AssertEachIdOnce(ConversationRig rig, string id)
    {
        var ids = rig.SentTo(id).Select(m => m.Message.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(rig.SentTo(id), m => m.Message.Kind == MessageKind.Completion);
    }
}
