using System.Collections.Concurrent;
using System.Text;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Serializing;

namespace CareerConv.Benchmarks.Counting;

/// <summary>
/// Counts, per orchestration instance, the history events that are durable actions: the start, each
/// activity scheduled and completed, each timer created and fired, and each external event received.
/// An instance's counts move to the finished list when it completes, fails or is terminated, together
/// with the size of its whole history as the Durable Task Core JSON converter writes it.
/// </summary>
sealed class DurableActionCounter
{
    readonly ConcurrentDictionary<string, InstanceCounts> running = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<InstanceCounts> finished = new();
    readonly ConcurrentDictionary<string, int> finishedByName = new(StringComparer.Ordinal);
    long orchestrationWorkItems;
    long activityWorkItems;

    /// <summary>Orchestration work items locked since the engine started.</summary>
    public long OrchestrationWorkItems => Interlocked.Read(ref orchestrationWorkItems);

    /// <summary>Activity work items locked since the engine started.</summary>
    public long ActivityWorkItems => Interlocked.Read(ref activityWorkItems);

    public long WorkItems => OrchestrationWorkItems + ActivityWorkItems;

    public void OrchestrationWorkItemLocked() => Interlocked.Increment(ref orchestrationWorkItems);

    public void ActivityWorkItemLocked() => Interlocked.Increment(ref activityWorkItems);

    /// <summary>Returns how many instances of an orchestration have finished.</summary>
    public int Finished(string orchestrationName) => finishedByName.GetValueOrDefault(orchestrationName);

    /// <summary>Returns the counts of every finished instance of an orchestration.</summary>
    public IReadOnlyList<InstanceCounts> FinishedInstances(string orchestrationName) =>
        [.. finished.Where(c => c.Name == orchestrationName)];

    /// <summary>Adds the events that one completed orchestration work item appended to the history.</summary>
    public void Record(OrchestrationRuntimeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var instanceId = state.OrchestrationInstance?.InstanceId ?? string.Empty;
        var counts = running.GetOrAdd(instanceId, id => new InstanceCounts(id, state.Name));
        counts.Add(state.NewEvents);
        if (!IsFinished(state.OrchestrationStatus) || !running.TryRemove(instanceId, out _))
        {
            return;
        }

        counts.HistoryEvents = state.Events.Count;
        counts.HistoryBytes = HistoryBytes(state.Events);
        counts.Status = state.OrchestrationStatus;
        finished.Enqueue(counts);
        finishedByName.AddOrUpdate(counts.Name, 1, (_, count) => count + 1);
    }

    /// <summary>
    /// Returns the UTF-8 size of the history as the Durable Task Core JSON converter writes it, with
    /// type names, which is the form the Azure Storage backend stores event payloads in. An estimate
    /// of storage size: that backend stores one table row per event, with its own column overhead.
    /// </summary>
    static int HistoryBytes(IList<HistoryEvent> events) =>
        Encoding.UTF8.GetByteCount(JsonDataConverter.Default.Serialize(events));

    static bool IsFinished(OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed
            or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;
}

/// <summary>The durable actions of one orchestration instance.</summary>
sealed class InstanceCounts(string instanceId, string name)
{
    public string InstanceId { get; } = instanceId;

    public string Name { get; } = name;

    public int Starts { get; private set; }

    public int ActivitiesScheduled { get; private set; }

    public int ActivitiesCompleted { get; private set; }

    public int ActivitiesFailed { get; private set; }

    public int TimersCreated { get; private set; }

    public int TimersFired { get; private set; }

    public int EventsReceived { get; private set; }

    /// <summary>Orchestration work items that completed for this instance; each one replays the history.</summary>
    public int Episodes { get; private set; }

    /// <summary>History events appended by the counted work items; equals <see cref="HistoryEvents"/> when none were missed.</summary>
    public int EventsAppended { get; private set; }

    public int HistoryEvents { get; set; }

    public int HistoryBytes { get; set; }

    public OrchestrationStatus Status { get; set; }

    /// <summary>Starts, activities scheduled and completed, timers created and fired, and events received.</summary>
    public int Actions =>
        Starts + ActivitiesScheduled + ActivitiesCompleted + ActivitiesFailed + TimersCreated + TimersFired + EventsReceived;

    // One instance's work items run one at a time, so the counts need no lock.
    public void Add(IList<HistoryEvent> newEvents)
    {
        Episodes++;
        EventsAppended += newEvents.Count;
        foreach (var historyEvent in newEvents)
        {
            switch (historyEvent)
            {
                case ExecutionStartedEvent:
                    Starts++;
                    break;
                case TaskScheduledEvent:
                    ActivitiesScheduled++;
                    break;
                case TaskCompletedEvent:
                    ActivitiesCompleted++;
                    break;
                case TaskFailedEvent:
                    ActivitiesFailed++;
                    break;
                case TimerCreatedEvent:
                    TimersCreated++;
                    break;
                case TimerFiredEvent:
                    TimersFired++;
                    break;
                case EventRaisedEvent:
                    EventsReceived++;
                    break;
            }
        }
    }
}
