using System.Security.Cryptography;
using CareerConv.Orchestrations.Storage;

namespace CareerConv.Web.Tests.Forms;

/// <summary>
/// A stand-in for the record upload checks: it streams the upload into the document store and rejects
/// empty files, files over its limit and files that do not start with the PDF signature.
/// </summary>
sealed class TestRecordUploads(IDocumentStore store, long maxBytes = 1024 * 1024) : IRecordUploads
{
    public long MaxBytes => maxBytes;

    public List<RecordUploadRequest> Requests { get; } = [];

    public async Task<RecordUploadOutcome> AcceptAsync(RecordUploadRequest request, Stream content, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return RecordUploadOutcome.Rejected(RecordUploadRejection.Empty, "The file is empty.");
        }

        if (buffer.Length > maxBytes)
        {
            return RecordUploadOutcome.Rejected(RecordUploadRejection.TooLarge, "The file is too large.");
        }

        if (!buffer.ToArray().AsSpan().StartsWith("%PDF-"u8))
        {
            return RecordUploadOutcome.Rejected(RecordUploadRejection.NotPdf, "The file is not a PDF.");
        }

        buffer.Position = 0;
        return RecordUploadOutcome.Accepted(await store.SaveAsync(DocumentKind.Record, request.ConversationId, request.Version, buffer, cancellationToken));
    }
}

/// <summary>A stand-in for the PDF record form: a tiny PDF that names the staff member.</summary>
sealed class TestRecordFormRenderer : IRecordFormRenderer
{
    public List<RecordFormData> Rendered { get; } = [];

    public Task<byte[]> RenderAsync(RecordFormData data, CancellationToken cancellationToken = default)
    {
        Rendered.Add(data);
        return Task.FromResult("%PDF-1.4\n% record form\n"u8.ToArray());
    }
}

static class Pdf
{
    public static byte[] Sample() => [.. "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray(), .. RandomNumberGenerator.GetBytes(16)];
}
