using CareerConv.Orchestrations.Contracts;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace CareerConv.Orchestrations.Tests.Workflow;

public sealed class ConversationLifecycleTests(ITestOutputHelper output)
{
    static readonly DateTimeOffset CycleOpens = new(2026, 9, 28, 8, 0, 0, TimeSpan.Zero);
    static readonly Person Reviewer = new("Dr Ada Lovelace", "a.lovelace@example.ac.uk");
    static readonly Actor ReviewerActor = new(ActorRole.Reviewer, Reviewer.Email);

    [Fact]
    public async Task Conversation_EveryPartyActsPromptly_CompletesWithEachMessageOnce()
    {
        await using var rig = await ConversationRig.StartAsync(CycleOpens);
        var id = await rig.StartConversationAsync(ConversationRig.Input(reviewer: Reviewer));
        var meetingAt = new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.Zero);
        rig.RaiseAt(CycleOpens.AddDays(1), id, ConversationEvents.MeetingScheduled,
            new MeetingScheduledEvent("meeting-1", ReviewerActor, meetingAt, "Room 2.14"));
        rig.RaiseAt(CycleOpens.AddDays(5), id, ConversationEvents.ReflectionSubmitted,
            new ReflectionSubmittedEvent("notes-1", new Actor(ActorRole.Staff), "notes/a.json", new string('a', 64)));
        rig.RaiseAt(meetingAt.AddDays(1), id, ConversationEvents.RecordUploaded,
            new RecordUploadedEvent("upload-1", ReviewerActor, "records/a.pdf", new string('b', 64), 1234, 1));
        rig.RaiseAt(meetingAt.AddDays(2), id, ConversationEvents.HandoffConfirmed,
            new HandoffConfirmedEvent("handoff-1", new Actor(ActorRole.Coordinator, "g.pryce@example.ac.uk")));

        await rig.Clock.AdvanceToAsync(meetingAt.AddDays(60));

        var instance = await rig.InstanceAsync(id);
        foreach (var sent in rig.SentTo(id))
        {
            output.WriteLine($"{sent.SentAt:u} {sent.Message.Kind} -> {string.Join(", ", sent.Message.To.Select(r => r.Person.Email))}");
        }

        output.WriteLine(instance.FailureDetails?.ToString() ?? "");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var kinds = rig.SentTo(id).Select(m => m.Message.Kind).ToList();
        Assert.Contains(MessageKind.ReflectionInvitation, kinds);
        Assert.Contains(MessageKind.MeetingRequest, kinds);
        Assert.Contains(MessageKind.MeetingConfirmed, kinds);
        Assert.Contains(MessageKind.NotesReady, kinds);
        Assert.Contains(MessageKind.RecordRequest, kinds);
        Assert.Contains(MessageKind.HandoffRequest, kinds);
        Assert.Equal(MessageKind.Completion, kinds[^1]);
        Assert.Equal(0, rig.Sender.DuplicateCalls);
    }
}
