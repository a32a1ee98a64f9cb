using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// Builds and checks the names of document blobs. Every path segment is validated against a strict
/// pattern of letters, digits, hyphens and underscores, so no value can carry a dot segment, a slash,
/// a backslash or a control character into a name. The extension selects the container: <c>.json</c>
/// names are notes and <c>.pdf</c> names are records.
/// </summary>
public static partial class DocumentBlobNames
{
    public const int MaxSegmentLength = 64;

    /// <summary>Returns the trimmed conversation id, or raises ArgumentException when it is not one safe segment.</summary>
    public static string CheckConversationId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var value = conversationId.Trim();
        if (!SegmentPattern().IsMatch(value))
        {
            throw new ArgumentException(
                $"Invalid conversation id '{conversationId}'; use 1 to {MaxSegmentLength} letters, digits, "
                + "hyphens or underscores.",
                nameof(conversationId));
        }

        return value;
    }

    /// <summary>
    /// Returns <c>{faculty}/{cycle}/{staffNumber}/{uploadId}.pdf</c>. The faculty is trimmed, the cycle
    /// and staff number are normalised as in the instance id, and each must be one safe segment.
    /// </summary>
    public static string ForUpload(string faculty, string cycle, string staffNumber, string uploadId)
    {
        ArgumentNullException.ThrowIfNull(faculty);
        ArgumentNullException.ThrowIfNull(uploadId);
        var facultySegment = faculty.Trim();
        if (!FacultyPattern().IsMatch(facultySegment))
        {
            throw new ArgumentException(
                $"Invalid faculty '{faculty}'; use the faculty's key of 1 to {MaxSegmentLength} letters, digits or hyphens.",
                nameof(faculty));
        }

        if (!SegmentPattern().IsMatch(uploadId))
        {
            throw new ArgumentException($"Invalid upload id '{uploadId}'.", nameof(uploadId));
        }

        var cycleSegment = ConversationIdentity.NormaliseCycle(cycle);
        var staffSegment = ConversationIdentity.NormaliseStaffNumber(staffNumber);
        return $"{facultySegment}/{cycleSegment}/{staffSegment}/{uploadId}.pdf";
    }

    /// <summary>Creates a random upload id: 128 bits in unpadded base64url, 22 characters.</summary>
    public static string NewUploadId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var id = Base64Url.EncodeToString(bytes);

        // Keep the first character alphanumeric, as the segment pattern requires.
        return id[0] is '-' or '_' ? "u" + id[1..] : id;
    }

    /// <summary>
    /// Returns the container that contains a document blob, or null when the name is not a well-formed
    /// document name: safe segments separated by single slashes, ending in <c>.json</c> or <c>.pdf</c>.
    /// </summary>
    public static string? ContainerFor(string? blobName)
    {
        if (string.IsNullOrEmpty(blobName) || blobName.Length > 1024 || !DocumentNamePattern().IsMatch(blobName))
        {
            return null;
        }

        return blobName.EndsWith(".json", StringComparison.Ordinal) ? DocumentContainers.Notes : DocumentContainers.Records;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\z")]
    private static partial Regex SegmentPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}\\z")]
    private static partial Regex FacultyPattern();

    [GeneratedRegex("^(?:[A-Za-z0-9][A-Za-z0-9_-]{0,63}/){1,8}[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\.(?:json|pdf)\\z")]
    private static partial Regex DocumentNamePattern();
}
