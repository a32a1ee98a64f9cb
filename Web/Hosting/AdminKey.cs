using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CareerConv.Web.Hosting;

/// <summary>
/// The admin credential where no Functions host checks function keys: the local host. Callers send
/// the key the same way as a function key (the <c>x-functions-key</c> header or the <c>code</c> query
/// value), so one script works against both hosts.
/// </summary>
public sealed class AdminKey
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";
    const int MinimumLength = 24;

    readonly byte[] expected;

    public AdminKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumLength)
        {
            throw new ArgumentException(
                $"The admin key must be at least {MinimumLength} characters long; it has {key.Length}. "
                + "Set CareerConv:Admin:Key to a long random value, or leave it empty to have one made at start.",
                nameof(key));
        }

        Value = key;
        expected = Encoding.UTF8.GetBytes(key);
    }

    public string Value { get; }

    /// <summary>Makes a random key of 32 bytes, written as base64url.</summary>
    public static AdminKey Random() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    public bool Authorizes(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? offered = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(offered))
        {
            offered = request.Query[QueryName];
        }

        return !string.IsNullOrEmpty(offered)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), expected);
    }
}
