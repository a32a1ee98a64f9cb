using System.Security.Cryptography;

namespace CareerConv.Orchestrations.Contracts;

/// <summary>
/// Opaque conversation ids for link tokens. A link never carries the instance id, which contains the
/// staff number; the conversation directory maps the opaque id back to the instance.
/// </summary>
public static class ConversationIds
{
    const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Creates a random id of 26 base32 characters (130 bits, 128 of them random).</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base32(bytes);
    }

    /// <summary>Returns whether a value has the shape of an id from <see cref="New"/>.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 26 } && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    static string Base32(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[26];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars);
    }
}
