using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using CareerConv.Benchmarks.Measuring;
using CareerConv.Benchmarks.Reporting;
using CareerConv.Infrastructure.Documents;
using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CareerConv.Benchmarks.Side;

/// <summary>
/// Uploads a generated PDF of just under the record limit through <see cref="RecordUploads"/> to Blob
/// storage on the Azurite at 127.0.0.1:10000, after one warm-up upload, and measures the bytes allocated
/// and the peak rise of the process's working set during the measured upload (sampled every 2 ms).
/// </summary>
static class UploadBenchmark
{
    public const double MaxPeakToFileRatio = 2;

    public static async Task<TargetCheck> RunAsync(bool quick, TextWriter output, CancellationToken cancellationToken)
    {
        var sizeBytes = quick ? 4L * 1024 * 1024 : DocumentOptions.DefaultMaxRecordBytes;
        await output.WriteLineAsync($"== Record upload: a {Units.MiB(sizeBytes)} PDF to Blob storage on Azurite ==");
        var target = $"upload peak working set rise < {MaxPeakToFileRatio}x the file size";
        if (!AzuriteAnswers())
        {
            await output.WriteLineAsync("skipped: nothing answers on 127.0.0.1:10000; start Azurite with scripts/azurite.sh.");
            await output.WriteLineAsync();
            return new TargetCheck(target, "skipped, Azurite not running", null);
        }

        var clients = new StorageClients(Options.Create(new StorageOptions { NamePrefix = "bench" + RandomNumberGenerator.GetHexString(8, lowercase: true) }));
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "careerconv-bench-" + RandomNumberGenerator.GetHexString(8, lowercase: true)));
        try
        {
            var source = Path.Combine(work.FullName, "record.pdf");
            WritePdf(source, sizeBytes - (64 * 1024));
            var fileBytes = new FileInfo(source).Length;
            var options = Options.Create(new DocumentOptions { StagingDirectory = Path.Combine(work.FullName, "staging") });
            var uploads = new RecordUploads(new DocumentContainers(clients), options, NullLogger<RecordUploads>.Instance);
            var request = new RecordUploadRequest(ConversationIds.New(), "SCI", "2026-autumn", "B000001", 1, "record.pdf");

            await UploadAsync(uploads, request, source, cancellationToken);
            var before = MemoryReading.AfterCollection();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            long peak;
            await using (var sampler = new MemorySampler(TimeSpan.FromMilliseconds(2)))
            {
                await UploadAsync(uploads, request, source, cancellationToken);
                peak = sampler.PeakWorkingSetBytes;
            }

            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var rise = Math.Max(0, peak - before.WorkingSetBytes);
            await output.WriteLineAsync(
                $"file {Units.MiB(fileBytes)}; upload {Units.Seconds(watch.Elapsed)}; allocated {Units.MiB(allocated)}; "
                + $"working set before {Units.MiB(before.WorkingSetBytes)}, peak rise {Units.MiB(rise)} = {Units.Number((double)rise / fileBytes, 2)}x the file");
            await output.WriteLineAsync();
            return new TargetCheck(
                $"{target} ({Units.MiB(fileBytes)} file)",
                $"{Units.MiB(rise)} = {Units.Number((double)rise / fileBytes, 2)}x (allocated {Units.MiB(allocated)})",
                // A few MiB of working set move with any allocation, so only the full-size file is judged.
                quick ? null : rise < MaxPeakToFileRatio * fileBytes);
        }
        finally
        {
            await DeleteContainersAsync(clients);
            work.Delete(recursive: true);
        }
    }

    static async Task UploadAsync(RecordUploads uploads, RecordUploadRequest request, string source, CancellationToken cancellationToken)
    {
        await using var body = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var outcome = await uploads.AcceptAsync(request, body, cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            throw new InvalidOperationException($"The generated PDF was rejected ({rejection}): {outcome.Reason}");
        }
    }

    /// <summary>Writes a one-page PDF padded to about <paramref name="bytes"/> with streams of random bytes, as a scan would be.</summary>
    static void WritePdf(string path, long bytes)
    {
        const int streamBytes = 256 * 1024;
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawLine(XPens.Black, 50, 50, 300, 50);
        }

        // PDFsharp writes only objects reachable from the catalog, so the padding streams hang off it.
        var padding = new PdfArray(document);
        for (long written = 0; written + streamBytes < bytes; written += streamBytes)
        {
            var stream = new PdfDictionary(document);
            stream.CreateStream(RandomNumberGenerator.GetBytes(streamBytes));
            document.Internals.AddObject(stream);
            padding.Elements.Add(stream.Reference!);
        }

        document.Internals.Catalog.Elements["/BenchmarkPadding"] = padding;
        document.Save(path);
    }

    static bool AzuriteAnswers()
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", 10000);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    static async Task DeleteContainersAsync(StorageClients clients)
    {
        await foreach (var container in clients.Blobs.GetBlobContainersAsync(prefix: clients.NamePrefix))
        {
            await clients.Blobs.DeleteBlobContainerAsync(container.Name);
        }
    }
}
