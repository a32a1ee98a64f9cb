using System.Diagnostics;

namespace CareerConv.Benchmarks.Measuring;

/// <summary>A point-in-time reading of the process's memory.</summary>
/// <param name="WorkingSetBytes">Resident memory of the whole process, native and managed.</param>
/// <param name="ManagedHeapBytes">Bytes the garbage collector counts as in use.</param>
sealed record MemoryReading(long WorkingSetBytes, long ManagedHeapBytes)
{
    /// <summary>Reads the memory after a full, compacting collection, so only live objects count.</summary>
    public static MemoryReading AfterCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new MemoryReading(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}

/// <summary>
/// Samples the process's working set and managed heap on a background task until disposed, and keeps
/// the highest of each. A peak shorter than the sampling interval can be missed.
/// </summary>
sealed class MemorySampler : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly Task sampling;
    long peakWorkingSet;
    long peakManagedHeap;

    public MemorySampler(TimeSpan interval)
    {
        Sample();
        sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                Sample();
            }
        });
    }

    public long PeakWorkingSetBytes => Interlocked.Read(ref peakWorkingSet);

    public long PeakManagedHeapBytes => Interlocked.Read(ref peakManagedHeap);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await sampling.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The sampler stops by cancellation.
        }

        Sample();
        stop.Dispose();
    }

    void Sample()
    {
        // Environment.WorkingSet reads the current value; Process.PeakWorkingSet64 would be the peak of the
        // whole process lifetime, not of the measured phase.
        Raise(ref peakWorkingSet, Environment.WorkingSet);
        Raise(ref peakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    static void Raise(ref long peak, long value)
    {
        var current = Interlocked.Read(ref peak);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref peak, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
