using System.ComponentModel.DataAnnotations;

namespace CareerConv.Infrastructure.Documents;

/// <summary>Limits and settings of the document stores, bound from <c>CareerConv:Documents</c>.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "CareerConv:Documents";

    public const long DefaultMaxNotesBytes = 64 * 1024;

    public const long DefaultMaxRecordBytes = 20 * 1024 * 1024;

    /// <summary>The largest reflection notes document or saved draft, in bytes of its JSON.</summary>
    [Range(1, 16 * 1024 * 1024, ErrorMessage = "MaxNotesBytes must be between 1 byte and 16 MiB.")]
    public long MaxNotesBytes { get; set; } = DefaultMaxNotesBytes;

    /// <summary>The largest record form accepted, uploaded or stored, in bytes.</summary>
    [Range(1, 1024 * 1024 * 1024, ErrorMessage = "MaxRecordBytes must be between 1 byte and 1 GiB.")]
    public long MaxRecordBytes { get; set; } = DefaultMaxRecordBytes;

    /// <summary>
    /// The folder where uploads are staged before they are checked; the system temporary folder when
    /// empty. Each staged file is deleted when its upload has been checked and stored or rejected.
    /// </summary>
    public string? StagingDirectory { get; set; }

    /// <summary>The university's name, printed as the heading of the record form; no name line when empty.</summary>
    [MaxLength(200, ErrorMessage = "UniversityName must be at most 200 characters.")]
    public string UniversityName { get; set; } = string.Empty;

    /// <summary>Returns the staging folder that uploads use.</summary>
    public string ResolveStagingDirectory() =>
        string.IsNullOrWhiteSpace(StagingDirectory) ? Path.GetTempPath() : StagingDirectory;
}
