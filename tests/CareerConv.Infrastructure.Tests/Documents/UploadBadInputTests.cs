using System.IO.Compression;
using CareerConv.Infrastructure.Documents;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Infrastructure.Tests.Documents;

/// <summary>
/// Seeded mutations of a real PDF and other files named <c>.pdf</c>. Every upload is accepted or
/// rejected with a reason, never throws, and a rejected one leaves no blob and no staging file.
/// </summary>
public sealed class UploadBadInputTests
{
    static RecordUploadRequest Request(int version) =>
        new("k3v7conversation", "SCI", "2026-autumn", "S012345", version, "record.pdf");

    static byte[] Mutate(byte[] pdf, Random random)
    {
        var bytes = (byte[])pdf.Clone();
        switch (random.Next(5))
        {
            case 0:
                return bytes[..random.Next(0, bytes.Length)];
            case 1:
                for (var i = 0; i < random.Next(1, 50); i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 2:
                var noise = new byte[random.Next(1, 4096)];
                random.NextBytes(noise);
                var at = random.Next(bytes.Length);
                return [.. bytes[..at], .. noise, .. bytes[at..]];
            case 3:
                var tail = new byte[random.Next(1, 8192)];
                random.NextBytes(tail);
                return [.. "%PDF-1.7\n"u8.ToArray(), .. tail];
            default:
                var noiseOnly = new byte[random.Next(1, 8192)];
                random.NextBytes(noiseOnly);
                return noiseOnly;
        }
    }

    static byte[] ZipOf(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("record.pdf").Open();
            entry.Write(content);
        }

        return buffer.ToArray();
    }

    static byte[] GzipOf(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task AcceptAsync_MutatedFiles_AcceptedOrRejectedCleanly()
    {
        using var rig = new DocumentRig();
        var pdf = TestPdfs.Plain();
        var random = new Random(31337);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < 30; i++)
        {
            var file = Mutate(pdf, random);
            var outcome = await rig.Uploads.AcceptAsync(Request(i + 1), new MemoryStream(file));

            var label = outcome.Rejection?.ToString() ?? "Accepted";
            outcomes[label] = outcomes.GetValueOrDefault(label) + 1;
            if (outcome.Rejection is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(outcome.Reason), $"File {i}: rejected without a reason.");
                Assert.Null(outcome.Stored);
            }
        }

        var stored = outcomes.GetValueOrDefault("Accepted");
        Assert.Equal(stored, await CountRecordBlobsAsync(rig));
        Assert.Empty(rig.StagedFiles());
        Assert.True(outcomes.GetValueOrDefault(nameof(RecordUploadRejection.NotPdf)) > 10, string.Join(", ", outcomes));
    }

    [Fact]
    public async Task AcceptAsync_ZipAndGzipNamedPdf_RejectedAndNothingStored()
    {
        using var rig = new DocumentRig();
        var pdf = TestPdfs.Plain();
        var files = new Dictionary<string, byte[]>
        {
            ["zip of a PDF"] = ZipOf(pdf),
            ["gzip of a PDF"] = GzipOf(pdf),
            ["zip bomb"] = ZipOf(new byte[8 * 1024 * 1024]),
            ["PDF header then gzip"] = [.. "%PDF-1.7\n"u8.ToArray(), .. GzipOf(new byte[4 * 1024 * 1024])],
        };

        foreach (var (label, file) in files)
        {
            var outcome = await rig.Uploads.AcceptAsync(Request(1), new MemoryStream(file));

            Assert.True(outcome.Rejection == RecordUploadRejection.NotPdf, $"{label}: {outcome.Rejection} {outcome.Reason}");
        }

        Assert.Equal(0, await CountRecordBlobsAsync(rig));
        Assert.Empty(rig.StagedFiles());
    }

    static async Task<int> CountRecordBlobsAsync(DocumentRig rig)
    {
        var container = await rig.Containers.GetAsync(DocumentContainers.Records);
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }
}
