using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Infrastructure.Documents;

/// <summary>What staging an upload found: its size and SHA-256, or why it was rejected before the end.</summary>
sealed record StagedUpload(long SizeBytes, string Sha256, RecordUploadRejection? Rejection, string? Reason);

/// <summary>
/// Copies an upload to a staging file in chunks of 80 KiB, hashing as it goes. Reading stops at once when
/// the first bytes are not the PDF header or when the upload passes the size limit. So a large upload is
/// never read to its end, and a compressed archive renamed to .pdf is never expanded.
/// </summary>
static class UploadStaging
{
    public const int ChunkSize = 80 * 1024;

    static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();

    public static async Task<StagedUpload> CopyAsync(Stream content, Stream staging, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        try
        {
            // The first read waits for enough bytes to compare with the header, however the body is split.
            var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, ChunkSize), PdfHeader.Length, false, cancellationToken)
                .ConfigureAwait(false);
            if (read == 0)
            {
                return Rejected(RecordUploadRejection.Empty, "The file is empty (0 bytes); choose the signed record form and upload it again.");
            }

            if (!buffer.AsSpan(0, read).StartsWith(PdfHeader))
            {
                return Rejected(RecordUploadRejection.NotPdf, NotPdfReason(buffer.AsSpan(0, read)));
            }

            while (read > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return Rejected(RecordUploadRejection.TooLarge, TooLargeReason(maxBytes));
                }

                hash.AppendData(buffer, 0, read);
                await staging.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                read = await content.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await staging.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new StagedUpload(total, Convert.ToHexStringLower(hash.GetHashAndReset()), null, null);
    }

    /// <summary>Returns the reason for a file over the limit, stating the limit.</summary>
    public static string TooLargeReason(long maxBytes) =>
        $"The file is larger than the limit of {maxBytes:N0} bytes ({DocumentTooLargeException.Describe(maxBytes)}); "
        + "reduce its size, for example by scanning at a lower resolution, and upload it again.";

    static StagedUpload Rejected(RecordUploadRejection rejection, string reason) => new(0, string.Empty, rejection, reason);

    static string NotPdfReason(ReadOnlySpan<byte> start)
    {
        var kind = start switch
        {
            [0x1F, 0x8B, ..] => "a gzip archive",
            [(byte)'P', (byte)'K', 3, 4, ..] => "a ZIP archive or an Office document",
            [(byte)'B', (byte)'Z', (byte)'h', ..] => "a bzip2 archive",
            [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', ..] => "an xz archive",
            _ when LooksLikeHtml(start) => "an HTML page",
            _ => null,
        };
        var seen = kind is null ? string.Empty : $" It looks like {kind}.";
        return "The file is not a PDF: it does not start with the PDF header %PDF-." + seen
            + " Save or export the signed record form as a PDF and upload that file.";
    }

    static bool LooksLikeHtml(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        var text = Encoding.ASCII.GetString(start[..Math.Min(start.Length, 512)]).TrimStart(' ', '\t', '\r', '\n');
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
