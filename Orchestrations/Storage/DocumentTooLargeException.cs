namespace CareerConv.Orchestrations.Storage;

/// <summary>
/// Raised when a document to store is larger than the configured limit. Nothing is stored. An HTTP
/// handler returns 413 for it with <see cref="Exception.Message"/>, which states the limit.
/// </summary>
public sealed class DocumentTooLargeException : Exception
{
    public DocumentTooLargeException()
    {
    }

    public DocumentTooLargeException(string message)
        : base(message)
    {
    }

    public DocumentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentTooLargeException(string documentName, long maxBytes)
        : base($"{documentName} is larger than the limit of {maxBytes:N0} bytes ({Describe(maxBytes)}); "
            + "shorten it and try again.")
    {
        DocumentName = documentName;
        MaxBytes = maxBytes;
    }

    /// <summary>What was too large, such as "Reflection notes for conversation abc".</summary>
    public string? DocumentName { get; }

    /// <summary>The configured limit, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>Formats a byte count in the largest binary unit that divides it, such as "64 KiB".</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };
}
