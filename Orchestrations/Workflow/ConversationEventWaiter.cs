using CareerConv.Orchestrations.Contracts;
using Microsoft.DurableTask;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>
/// Keeps one outstanding wait per event name across loop iterations. Creating a new wait each time
/// would leave the old ones queued first, and the engine hands an arriving event to the oldest wait,
/// so the event would be lost. An event raised before the orchestrator waits is buffered by the engine
/// and completes the wait at once.
/// </summary>
sealed class ConversationEventWaiter(TaskOrchestrationContext context)
{
    readonly Dictionary<string, Task<IConversationEvent>> waits = [];

    /// <summary>
    /// Returns the next event, or null when the timer made by <paramref name="createTimer"/> completes
    /// first. An event that has already arrived is returned without making the timer: it would win
    /// anyway, and an unused timer still adds a created and a fired timer event to the history.
    /// </summary>
    public async Task<(string Name, IConversationEvent Payload)?> WaitAsync(Func<Task>? createTimer)
    {
        foreach (var name in ConversationEvents.All)
        {
            if (!waits.ContainsKey(name))
            {
                waits[name] = WaitForAsync(name);
            }
        }

        // The first completed wait in dictionary order, which is the one Task.WhenAny would pick.
        var ready = waits.FirstOrDefault(w => w.Value.IsCompleted);
        if (ready.Value is not null)
        {
            waits.Remove(ready.Key);
            return (ready.Key, await ready.Value);
        }

        var timer = createTimer?.Invoke();
        Task[] candidates = timer is null ? [.. waits.Values] : [.. waits.Values, timer];
        var winner = await Task.WhenAny(candidates);
        if (winner == timer)
        {
            return null;
        }

        var (eventName, task) = waits.First(w => w.Value == winner);
        waits.Remove(eventName);
        return (eventName, await task);
    }

    Task<IConversationEvent> WaitForAsync(string name) => name switch
    {
        ConversationEvents.ReviewerAssigned => As<ReviewerAssignedEvent>(name),
        ConversationEvents.MeetingScheduled => As<MeetingScheduledEvent>(name),
        ConversationEvents.ReflectionSubmitted => As<ReflectionSubmittedEvent>(name),
        ConversationEvents.RecordUploaded => As<RecordUploadedEvent>(name),
        ConversationEvents.HandoffConfirmed => As<HandoffConfirmedEvent>(name),
        ConversationEvents.ReviewerChanged => As<ReviewerChangedEvent>(name),
        ConversationEvents.Withdrawn => As<WithdrawnEvent>(name),
        ConversationEvents.Paused => As<PausedEvent>(name),
        ConversationEvents.Resumed => As<ResumedEvent>(name),
        ConversationEvents.DeadlineExtended => As<DeadlineExtendedEvent>(name),
        _ => As<RetryStepEvent>(name),
    };

    async Task<IConversationEvent> As<T>(string name) where T : IConversationEvent =>
        await context.WaitForExternalEvent<T>(name);
}
