using CareerConv.Benchmarks.Counting;

namespace CareerConv.Benchmarks.Durable;

/// <summary>Means, and the range of the total, of the durable actions of finished instances.</summary>
sealed record ConversationActions(
    int Instances,
    double Starts,
    double ActivitiesScheduled,
    double ActivitiesCompleted,
    double TimersCreated,
    double TimersFired,
    double EventsReceived,
    double Actions,
    int MinActions,
    int MaxActions,
    double Episodes,
    double HistoryEvents,
    double HistoryBytes,
    int MaxHistoryBytes,
    int UncountedEvents)
{
    public static ConversationActions Of(IReadOnlyList<InstanceCounts> instances)
    {
        if (instances.Count == 0)
        {
            return new ConversationActions(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        return new ConversationActions(
            instances.Count,
            instances.Average(c => c.Starts),
            instances.Average(c => c.ActivitiesScheduled),
            instances.Average(c => c.ActivitiesCompleted + c.ActivitiesFailed),
            instances.Average(c => c.TimersCreated),
            instances.Average(c => c.TimersFired),
            instances.Average(c => c.EventsReceived),
            instances.Average(c => c.Actions),
            instances.Min(c => c.Actions),
            instances.Max(c => c.Actions),
            instances.Average(c => c.Episodes),
            instances.Average(c => c.HistoryEvents),
            instances.Average(c => c.HistoryBytes),
            instances.Max(c => c.HistoryBytes),
            instances.Sum(c => Math.Abs(c.HistoryEvents - c.EventsAppended)));
    }
}
