using System.Text;

namespace CareerConv.Infrastructure.Documents;

/// <summary>
/// Reads the names in a stream object's dictionary straight from the file, without reading the stream's data,
/// so that a large image or attachment is checked without holding it in memory. It understands just enough
/// PDF syntax (comments, literal and hex strings, names with #xx escapes) to find the <c>stream</c> keyword.
/// </summary>
static class StreamHeaderScanner
{
    /// <summary>The most bytes read in search of the <c>stream</c> keyword.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>
    /// Returns the names found between <paramref name="offset"/> (an object's start) and its <c>stream</c>
    /// keyword, or null when the object ends (<c>endobj</c>) without being a stream or its header is longer
    /// than <see cref="MaxHeaderBytes"/>.
    /// </summary>
    public static HashSet<string>? ReadNames(Stream file, long offset)
    {
        var length = (int)Math.Min(MaxHeaderBytes, file.Length - offset);
        if (length <= 0)
        {
            return null;
        }

        var header = new byte[length];
        file.Position = offset;
        file.ReadExactly(header);
        return Scan(header);
    }

    static HashSet<string>? Scan(ReadOnlySpan<byte> bytes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < bytes.Length)
        {
            var c = bytes[i];
            switch (c)
            {
                case (byte)'%':
                    i = SkipComment(bytes, i);
                    break;
                case (byte)'(':
                    i = SkipLiteralString(bytes, i);
                    break;
                case (byte)'<' when i + 1 < bytes.Length && bytes[i + 1] == (byte)'<':
                    i += 2;
                    break;
                case (byte)'<':
                    i = bytes[i..].IndexOf((byte)'>') is var end and >= 0 ? i + end + 1 : bytes.Length;
                    break;
                case (byte)'/':
                    i = ReadName(bytes, i + 1, names);
                    break;
                default:
                    if (IsRegular(c))
                    {
                        var start = i;
                        while (i < bytes.Length && IsRegular(bytes[i]))
                        {
                            i++;
                        }

                        var keyword = bytes[start..i];
                        if (keyword.SequenceEqual("stream"u8))
                        {
                            return names;
                        }

                        if (keyword.SequenceEqual("endobj"u8))
                        {
                            return null;
                        }
                    }
                    else
                    {
                        i++;
                    }

                    break;
            }
        }

        return null;
    }

    static int SkipComment(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length && bytes[i] is not ((byte)'\r' or (byte)'\n'))
        {
            i++;
        }

        return i;
    }

    static int SkipLiteralString(ReadOnlySpan<byte> bytes, int i)
    {
        var depth = 0;
        for (; i < bytes.Length; i++)
        {
            switch (bytes[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')' when --depth == 0:
                    return i + 1;
            }
        }

        return i;
    }

    static int ReadName(ReadOnlySpan<byte> bytes, int i, HashSet<string> names)
    {
        var name = new StringBuilder();
        while (i < bytes.Length && IsRegular(bytes[i]))
        {
            if (bytes[i] == (byte)'#' && i + 2 < bytes.Length
                && byte.TryParse(Encoding.ASCII.GetString(bytes.Slice(i + 1, 2)), System.Globalization.NumberStyles.HexNumber, null, out var escaped))
            {
                name.Append((char)escaped);
                i += 3;
                continue;
            }

            name.Append((char)bytes[i]);
            i++;
        }

        names.Add(name.ToString());
        return i;
    }

    /// <summary>Whether a byte is neither PDF white space nor a PDF delimiter.</summary>
    static bool IsRegular(byte c) =>
        c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
            or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
            or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');
}
