namespace CareerConv.Orchestrations.Storage;

/// <summary>Where an uploaded record form belongs, and what the client called it.</summary>
/// <param name="ClientFileName">Kept as metadata only; never part of the stored blob's name.</param>
public sealed record RecordUploadRequest(
    string ConversationId, string Faculty, string Cycle, string StaffNumber, int Version, string? ClientFileName);

/// <summary>Why an upload was rejected.</summary>
public enum RecordUploadRejection
{
    Empty,
    TooLarge,
    NotPdf,
    ActiveContent,
}

/// <summary>The stored record, or why the upload was rejected, with a reason a person can act on.</summary>
public sealed record RecordUploadOutcome(StoredDocument? Stored, RecordUploadRejection? Rejection, string? Reason)
{
    public static RecordUploadOutcome Accepted(StoredDocument stored) => new(stored, null, null);

    public static RecordUploadOutcome Rejected(RecordUploadRejection rejection, string reason) => new(null, rejection, reason);
}

/// <summary>
/// Accepts a signed record form: streams the upload to a staging area without holding it in memory,
/// checks that it is a PDF within the size limit and without JavaScript or launch actions, and only
/// then stores it under a name the server makes.
/// </summary>
public interface IRecordUploads
{
    /// <summary>The largest upload accepted, in bytes.</summary>
    long MaxBytes { get; }

    Task<RecordUploadOutcome> AcceptAsync(RecordUploadRequest request, Stream content, CancellationToken cancellationToken = default);
}
