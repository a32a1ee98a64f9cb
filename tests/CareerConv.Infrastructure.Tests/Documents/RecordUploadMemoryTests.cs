using System.Diagnostics;
using CareerConv.Infrastructure.Documents;
using CareerConv.Orchestrations.Storage;
using Xunit.Abstractions;

namespace CareerConv.Infrastructure.Tests.Documents;

/// <summary>
/// Measures the managed memory used by one upload of a record just under the default 20 MiB limit, sent as a
/// file stream. The numbers are printed for the reader; they depend on the machine and are not asserted as
/// timings. The bound asserted is loose: everything allocated during the upload, garbage included, stays under a
/// quarter of the file, so the file is never on the managed heap whole. Streams of 1 MiB and one stream of
/// nearly 20 MiB (a scanned page) are both covered.
/// </summary>
[Collection(nameof(RecordUploadMemoryTests))]
public sealed class RecordUploadMemoryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1024 * 1024)]
    [InlineData(20 * 1024 * 1024 - (128 * 1024))]
    public async Task AcceptAsync_TwentyMegabytePdf_AllocatesFarLessThanFileSize(int streamBytes)
    {
        using var rig = new DocumentRig();
        var source = Path.Combine(Path.GetTempPath(), $"careerconv-large-{Guid.NewGuid():N}.pdf");
        try
        {
            TestPdfs.WriteLarge(source, DocumentOptions.DefaultMaxRecordBytes, streamBytes);
            var fileBytes = new FileInfo(source).Length;
            var request = new RecordUploadRequest("k3v7conversation", "SCI", "2026-autumn", "S012345", 1, "large.pdf");

            // A first upload warms up the clients, so the measured one counts only per-upload memory.
            await using (var warmUp = File.OpenRead(source))
            {
                Assert.Null((await rig.Uploads.AcceptAsync(request, warmUp)).Rejection);
            }

            await using var body = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
            var measurement = await HeapSampler.MeasureAsync(() => rig.Uploads.AcceptAsync(request, body));

            output.WriteLine($"file {fileBytes:N0} bytes in streams of {streamBytes:N0} bytes; upload took {measurement.Elapsed.TotalMilliseconds:N0} ms");
            output.WriteLine($"allocated during upload {measurement.AllocatedBytes:N0} bytes");
            output.WriteLine($"peak managed heap above start (sampled every 2 ms) {measurement.PeakHeapGrowthBytes:N0} bytes");
            Assert.Null(measurement.Result.Rejection);
            Assert.Equal(fileBytes, measurement.Result.Stored!.SizeBytes);
            Assert.True(measurement.AllocatedBytes < fileBytes / 4, $"allocated {measurement.AllocatedBytes:N0} bytes");
        }
        finally
        {
            File.Delete(source);
        }
    }

    sealed record Measurement(RecordUploadOutcome Result, long AllocatedBytes, long PeakHeapGrowthBytes, TimeSpan Elapsed);

    static class HeapSampler
    {
        public static async Task<Measurement> MeasureAsync(Func<Task<RecordUploadOutcome>> upload)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var startHeap = GC.GetTotalMemory(forceFullCollection: true);
            var startAllocated = GC.GetTotalAllocatedBytes(precise: true);
            long peak = startHeap;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(2, CancellationToken.None);
                }
            });

            var clock = Stopwatch.StartNew();
            var result = await upload();
            clock.Stop();
            await stop.CancelAsync();
            await sampler;
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            return new Measurement(result, GC.GetTotalAllocatedBytes(precise: true) - startAllocated, peak - startHeap, clock.Elapsed);
        }
    }
}

/// <summary>Runs the memory measurement alone, because the allocation counters are process-wide.</summary>
[CollectionDefinition(nameof(RecordUploadMemoryTests), DisableParallelization = true)]
public sealed class RecordUploadMemoryRunAlone;
