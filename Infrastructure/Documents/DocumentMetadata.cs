using System.Globalization;
using System.Text;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// Blob metadata of stored documents. Metadata travels in HTTP headers, which carry ASCII only, so
/// free text such as a client's file name is percent-encoded as UTF-8.
/// </summary>
public static class DocumentMetadata
{
    public const string Sha256 = "sha256";
    public const string SizeBytes = "sizebytes";
    public const string ConversationId = "conversationid";
    public const string Version = "version";
    public const string UploadId = "uploadid";
    public const string ClientFileName = "clientfilename";

    /// <summary>The longest client file name kept, in characters before encoding; longer names are cut.</summary>
    public const int MaxClientFileNameLength = 255;

    /// <summary>Returns the metadata every stored document has.</summary>
    public static Dictionary<string, string> For(string sha256, long sizeBytes, string conversationId, int version) =>
        new(StringComparer.Ordinal)
        {
            [Sha256] = sha256,
            [SizeBytes] = sizeBytes.ToString(CultureInfo.InvariantCulture),
            [ConversationId] = conversationId,
            [Version] = version.ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>
    /// Encodes a client's file name for metadata: control characters dropped, cut to
    /// <see cref="MaxClientFileNameLength"/> characters, then percent-encoded. Returns null for a blank name.
    /// </summary>
    public static string? EncodeFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var kept = new StringBuilder(Math.Min(fileName.Length, MaxClientFileNameLength));
        foreach (var rune in fileName.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || kept.Length + rune.Utf16SequenceLength > MaxClientFileNameLength)
            {
                continue;
            }

            kept.Append(rune.ToString());
        }

        return kept.Length == 0 ? null : Uri.EscapeDataString(kept.ToString());
    }

    /// <summary>Decodes a file name that <see cref="EncodeFileName"/> encoded.</summary>
    public static string DecodeFileName(string encoded) => Uri.UnescapeDataString(encoded);
}
