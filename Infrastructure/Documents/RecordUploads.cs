using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// Accepts a signed record form. The body is copied in chunks to a staging file that only this process can
/// read, checked by <see cref="UploadStaging"/> and <see cref="PdfInspector"/>, and then uploaded from that
/// file to the private <c>records</c> container as <c>{faculty}/{cycle}/{staffNumber}/{uploadId}.pdf</c>
/// with content type <c>application/pdf</c>. The client's file name is kept only as metadata. The staging
/// file is opened with delete-on-close, so it is removed however the call ends.
/// </summary>
public sealed partial class RecordUploads(
    DocumentContainers containers, IOptions<DocumentOptions> options, ILogger<RecordUploads> logger) : IRecordUploads
{
    const int TransferBlockSize = 4 * 1024 * 1024;

    readonly DocumentOptions settings = options.Value;

    public long MaxBytes => settings.MaxRecordBytes;

    public async Task<RecordUploadOutcome> AcceptAsync(
        RecordUploadRequest request, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(content);
        var conversationId = DocumentBlobNames.CheckConversationId(request.ConversationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Version, 1);
        var uploadId = DocumentBlobNames.NewUploadId();
        var blobName = DocumentBlobNames.ForUpload(request.Faculty, request.Cycle, request.StaffNumber, uploadId);

        await using var staging = OpenStagingFile(uploadId);
        var staged = await UploadStaging.CopyAsync(content, staging, MaxBytes, cancellationToken).ConfigureAwait(false);
        var verdict = staged.Rejection is { } early ? new PdfVerdict(early, staged.Reason) : PdfInspector.Inspect(staging);
        if (verdict.Rejection is { } rejection)
        {
            LogRejected(logger, conversationId, uploadId, rejection);
            return RecordUploadOutcome.Rejected(rejection, verdict.Reason ?? rejection.ToString());
        }

        var metadata = DocumentMetadata.For(staged.Sha256, staged.SizeBytes, conversationId, request.Version);
        metadata[DocumentMetadata.UploadId] = uploadId;
        if (DocumentMetadata.EncodeFileName(request.ClientFileName) is { } fileName)
        {
            metadata[DocumentMetadata.ClientFileName] = fileName;
        }

        staging.Position = 0;
        await UploadAsync(blobName, staging, metadata, cancellationToken).ConfigureAwait(false);
        LogAccepted(logger, conversationId, uploadId, staged.SizeBytes);
        return RecordUploadOutcome.Accepted(new StoredDocument(blobName, staged.Sha256, staged.SizeBytes));
    }

    FileStream OpenStagingFile(string uploadId)
    {
        var directory = settings.ResolveStagingDirectory();
        Directory.CreateDirectory(directory);
        var file = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(directory, $"careerconv-upload-{uploadId}.tmp"), file);
    }

    async Task UploadAsync(string blobName, Stream staged, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var container = await containers.GetAsync(DocumentContainers.Records, cancellationToken).ConfigureAwait(false);
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
            Metadata = metadata,

            // The upload id is random, so an existing blob of this name means a collision, never a retry.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = TransferBlockSize,
                MaximumTransferSize = TransferBlockSize,
                MaximumConcurrency = 1,
            },
        };
        await container.GetBlobClient(blobName).UploadAsync(staged, upload, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information,
        Message = "Record upload {UploadId} for conversation {ConversationId} stored ({SizeBytes} bytes)")]
    static partial void LogAccepted(ILogger logger, string conversationId, string uploadId, long sizeBytes);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning,
        Message = "Record upload {UploadId} for conversation {ConversationId} rejected: {Rejection}")]
    static partial void LogRejected(ILogger logger, string conversationId, string uploadId, RecordUploadRejection rejection);
}
