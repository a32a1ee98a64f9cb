namespace CareerConv.Engine;

/// <summary>
/// A clock that moves only when told to. Activities, link tokens and ledgers read it as their
/// <see cref="TimeProvider"/>; the engine holds durable timers until the clock reaches them, and the
/// orchestrations' current time follows it. Each move is logged against the machine's clock, so a
/// history timestamp maps to the same virtual instant on every replay.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    readonly object gate = new();
    readonly List<(long RealTicks, DateTimeOffset Virtual)> setPoints = [];
    readonly SortedList<(DateTimeOffset At, long Order), ScheduledAction> scheduled = [];
    long scheduleOrder;
    DateTimeOffset now;
    IEngineActivity? engine;

    public VirtualClock(DateTimeOffset start)
    {
        now = start.ToUniversalTime();
        setPoints.Add((DateTime.UtcNow.Ticks, now));
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>Runs an action when the clock reaches an instant, for example a scripted reply.</summary>
    public void Schedule(DateTimeOffset at, Func<CancellationToken, Task> action) => Schedule(at, null, action);

    /// <summary>
    /// Runs an action when the clock reaches an instant. Actions due at the same instant with the same
    /// <paramref name="orderingKey"/> run one after another in the order they were scheduled; actions
    /// under different keys run concurrently, up to <see cref="MaxConcurrentActions"/> at once. Actions
    /// without a key share one sequence.
    /// </summary>
    public void Schedule(DateTimeOffset at, string? orderingKey, Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (gate)
        {
            scheduled.Add((at.ToUniversalTime(), scheduleOrder++), new ScheduledAction(orderingKey, action));
        }
    }

    /// <summary>How many sequences of scheduled actions run at once at one instant.</summary>
    public const int MaxConcurrentActions = 64;

    /// <summary>
    /// Moves the clock forward to <paramref name="target"/>, stopping at every held timer and scheduled
    /// action on the way. At each stop every timer due at that instant is released together and the
    /// engine runs until it is idle before the clock moves again.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken = default)
    {
        var engine = Engine;
        await RunUntilIdleAsync(cancellationToken);
        while (NextStop(engine) is { } stop && stop <= target)
        {
            MoveTo(stop);
            await RunScheduledAsync(stop, cancellationToken);
            await engine.ReleaseTimersAsync(stop.UtcDateTime);
            await RunUntilIdleAsync(cancellationToken);
        }

        MoveTo(target);
        await RunUntilIdleAsync(cancellationToken);
    }

    /// <summary>Moves the clock forward by a span; see <see cref="AdvanceToAsync"/>.</summary>
    public Task AdvanceByAsync(TimeSpan span, CancellationToken cancellationToken = default) =>
        AdvanceToAsync(GetUtcNow() + span, cancellationToken);

    /// <summary>Waits until no work item runs and no message waits, without moving the clock.</summary>
    public Task RunUntilIdleAsync(CancellationToken cancellationToken = default) =>
        Engine.WaitForIdleAsync(cancellationToken);

    /// <summary>Maps a timestamp from the machine's clock to the virtual instant it was taken at.</summary>
    public DateTime ToVirtual(DateTime realUtc)
    {
        lock (gate)
        {
            var (low, high) = (0, setPoints.Count - 1);
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (setPoints[middle].RealTicks <= realUtc.Ticks)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return setPoints[low].Virtual.UtcDateTime;
        }
    }

    internal void Attach(IEngineActivity activity)
    {
        lock (gate)
        {
            if (engine is not null && !ReferenceEquals(engine, activity))
            {
                throw new InvalidOperationException("A virtual clock drives one engine; this one is already attached.");
            }

            engine = activity;
        }
    }

    IEngineActivity Engine
    {
        get
        {
            lock (gate)
            {
                return engine ?? throw new InvalidOperationException(
                    "The virtual clock is not attached to an engine; start the engine with this clock first.");
            }
        }
    }

    DateTimeOffset? NextStop(IEngineActivity engine)
    {
        DateTimeOffset? next = engine.NextHeldTimer is { } timer ? new DateTimeOffset(timer, TimeSpan.Zero) : null;
        lock (gate)
        {
            if (scheduled.Count > 0 && (next is null || scheduled.Keys[0].At < next))
            {
                next = scheduled.Keys[0].At;
            }
        }

        return next;
    }

    async Task RunScheduledAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        // An action may schedule more at the same instant, so take until none is due.
        while (TakeScheduled(at) is { Count: > 0 } due)
        {
            var sequences = due.GroupBy(a => a.OrderingKey, StringComparer.Ordinal);
            await Parallel.ForEachAsync(
                sequences,
                new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentActions, CancellationToken = cancellationToken },
                async (sequence, token) =>
                {
                    foreach (var action in sequence)
                    {
                        await action.Run(token);
                    }
                });
        }
    }

    List<ScheduledAction> TakeScheduled(DateTimeOffset at)
    {
        lock (gate)
        {
            var due = new List<ScheduledAction>();
            while (scheduled.Count > 0 && scheduled.Keys[0].At <= at)
            {
                due.Add(scheduled.Values[0]);
                scheduled.RemoveAt(0);
            }

            return due;
        }
    }

    void MoveTo(DateTimeOffset instant)
    {
        lock (gate)
        {
            if (instant <= now)
            {
                return;
            }

            now = instant.ToUniversalTime();

            // Set points must grow strictly on the machine's clock too, or two of them would share a tick.
            var realTicks = Math.Max(DateTime.UtcNow.Ticks, setPoints[^1].RealTicks + 1);
            setPoints.Add((realTicks, now));
        }
    }

    sealed record ScheduledAction(string? OrderingKey, Func<CancellationToken, Task> Run);
}
