using DurableTask.Core;
using DurableTask.Core.History;

namespace CareerConv.Engine;

/// <summary>
/// Converts what the gRPC sidecar hands a backend into the plain Durable Task types that every backend
/// can store. Tags can arrive as a protobuf map, which the Azure Storage backend's serializer cannot
/// read back, and the sidecar records sub-orchestrations with its own event type, which table storage
/// cannot read back either.
/// </summary>
static class BackendEvents
{
    public static TaskMessage Normalize(TaskMessage message)
    {
        if (message?.Event is { } historyEvent)
        {
            message.Event = Normalize(historyEvent);
        }

        return message!;
    }

    public static void Normalize(IList<TaskMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            messages[i] = Normalize(messages[i]);
        }
    }

    public static void Normalize(OrchestrationRuntimeState state)
    {
        Replace(state.NewEvents);
        Replace(state.Events);
    }

    static void Replace(IList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            events[i] = Normalize(events[i]);
        }
    }

    static HistoryEvent Normalize(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case ExecutionStartedEvent { Tags: { } tags } started when NeedsCopy(tags):
                started.Tags = new Dictionary<string, string>(tags);
                return started;
            case TaskScheduledEvent { Tags: { } tags } scheduled when NeedsCopy(tags):
                scheduled.Tags = new Dictionary<string, string>(tags);
                return scheduled;
            case SubOrchestrationInstanceCreatedEvent created when created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent):
                return new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    Timestamp = created.Timestamp,
                };
            default:
                return historyEvent;
        }
    }

    static bool NeedsCopy(IDictionary<string, string> tags) => tags.GetType() != typeof(Dictionary<string, string>);
}
