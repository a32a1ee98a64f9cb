using DurableTask.Core;

namespace CareerConv.Engine;

/// <summary>Timer messages waiting for the virtual clock, by fire time.</summary>
sealed class HeldTimers
{
    readonly object gate = new();
    readonly SortedDictionary<DateTime, List<(string InstanceId, TaskMessage Message)>> byFireTime = [];

    public DateTime? Earliest
    {
        get
        {
            lock (gate)
            {
                return byFireTime.Count == 0 ? null : byFireTime.Keys.First();
            }
        }
    }

    public void Hold(string instanceId, DateTime fireAt, TaskMessage message)
    {
        lock (gate)
        {
            if (!byFireTime.TryGetValue(fireAt, out var timers))
            {
                timers = [];
                byFireTime[fireAt] = timers;
            }

            timers.Add((instanceId, message));
        }
    }

    /// <summary>Removes and returns every timer due by the given instant, earliest first.</summary>
    public List<TaskMessage> TakeDue(DateTime dueBy)
    {
        lock (gate)
        {
            var due = byFireTime.Keys.TakeWhile(fireAt => fireAt <= dueBy).ToList();
            var messages = new List<TaskMessage>();
            foreach (var fireAt in due)
            {
                messages.AddRange(byFireTime[fireAt].Select(t => t.Message));
                byFireTime.Remove(fireAt);
            }

            return messages;
        }
    }

    /// <summary>Drops the timers of an instance that has finished.</summary>
    public void Forget(string instanceId)
    {
        lock (gate)
        {
            foreach (var (fireAt, timers) in byFireTime.ToList())
            {
                timers.RemoveAll(t => string.Equals(t.InstanceId, instanceId, StringComparison.OrdinalIgnoreCase));
                if (timers.Count == 0)
                {
                    byFireTime.Remove(fireAt);
                }
            }
        }
    }
}
