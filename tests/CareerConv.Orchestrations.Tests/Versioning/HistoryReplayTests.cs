using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Tests.Faults;
using CareerConv.Orchestrations.Tests.Workflow;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Newtonsoft.Json.Linq;

namespace CareerConv.Orchestrations.Tests.Versioning;

/// <summary>
/// Replays a conversation history recorded from an earlier build against the current orchestrator.
/// Conversations run for months, so code deployed today replays histories that older code wrote.
/// </summary>
public sealed class HistoryReplayTests
{
    static IList<HistoryEvent> Recorded() => HistoryFixture.Read(HistoryFixture.OutputPath(HistoryFixture.ConversationFile));

    /// <summary>Every recorded history: the current one and any kept from earlier orchestrator versions.</summary>
    public static TheoryData<string> Fixtures()
    {
        var folder = Path.GetDirectoryName(HistoryFixture.OutputPath(HistoryFixture.ConversationFile))!;
        return [.. Directory.GetFiles(folder, "*.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Replay_CurrentOrchestrator_CompletesWithRecordedOutcome(string fixture)
    {
        var history = HistoryFixture.Read(HistoryFixture.OutputPath(fixture));
        var recorded = history.OfType<ExecutionCompletedEvent>().Single();

        var actions = ReplayRunner.Replay(history, new CurrentConversation());

        var completion = Assert.IsType<OrchestrationCompleteOrchestratorAction>(Assert.Single(actions));
        Assert.Null(completion.FailureDetails);
        Assert.Equal(OrchestrationStatus.Completed, completion.OrchestrationStatus);
        Assert.True(JToken.DeepEquals(JToken.Parse(recorded.Result ?? "null"), JToken.Parse(completion.Result ?? "null")),
            $"Replayed outcome {completion.Result} differs from the recorded {recorded.Result}.");
    }

    [Fact]
    public void Replay_FixtureCoversRetriesTimersAndEvents()
    {
        var history = Recorded();

        Assert.Contains(history, e => e is TaskFailedEvent);
        Assert.Contains(history, e => e is TimerFiredEvent);
        Assert.True(history.OfType<EventRaisedEvent>().Count() >= 5, "The fixture should raise every event of a whole conversation.");
        Assert.Equal(OrchestrationStatus.Completed, history.OfType<ExecutionCompletedEvent>().Single().OrchestrationStatus);
    }

    [Fact]
    public void Replay_DurableCallAdded_FailsAsNonDeterministic()
    {
        var actions = ReplayRunner.Replay(Recorded(), new TimerAddedFirst());

        var completion = Assert.Single(actions.OfType<OrchestrationCompleteOrchestratorAction>());
        Assert.Equal(OrchestrationStatus.Failed, completion.OrchestrationStatus);
        Assert.Contains("NonDeterministic", completion.FailureDetails?.ErrorType, StringComparison.Ordinal);
    }

    /// <summary>
    /// Re-records the fixture from a whole conversation on the engine with the virtual clock. The run
    /// covers a failed first delivery and its retry, a reviewer assigned by the Head of Department, a
    /// repeated event, reminders, the meeting passing, an upload and the handoff.
    /// </summary>
    [RecordHistoryFact]
    public async Task Record_ConversationHistory_WritesFixture()
    {
        var recorder = new HistoryRecorder();
        await using var rig = await ConversationRig.StartAsync(
            Sci.Opens, sender: (_, inner) => new FaultySender(inner, FaultPoint.BeforeDelivery) { FailFirst = 1 }, backend: recorder);
        var head = new Actor(ActorRole.HeadOfDepartment, Sci.Head);
        var id = await rig.StartConversationAsync(ConversationRig.Input());
        await rig.Clock.AdvanceByAsync(TimeSpan.FromMinutes(1));
        await rig.RaiseAsync(id, ConversationEvents.ReviewerAssigned, new ReviewerAssignedEvent("a1", head, Sci.ReviewerPerson));
        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        await rig.RaiseAsync(id, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-05T12:00:00Z"));
        await rig.RaiseAsync(id, ConversationEvents.ReflectionSubmitted, Sci.Notes("n1"));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-21T09:00:00Z"));
        await rig.RaiseAsync(id, ConversationEvents.RecordUploaded, Sci.Record("r1"));
        await rig.RaiseAsync(id, ConversationEvents.HandoffConfirmed, Sci.Handoff("h1"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await rig.InstanceAsync(id)).RuntimeStatus);
        HistoryFixture.Write(HistoryFixture.SourcePath(HistoryFixture.ConversationFile), recorder.HistoryOf(id), rig.Clock);
    }
}
