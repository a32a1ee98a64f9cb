using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareerConv.Orchestrations.Contracts;
using Microsoft.Extensions.Options;

namespace CareerConv.Web.Links;

/// <summary>Whether a token can be used.</summary>
public enum LinkTokenState
{
    Valid,

    /// <summary>Malformed, signed with an unknown key, or altered.</summary>
    Invalid,

    /// <summary>Correctly signed but past its expiry.</summary>
    Expired,
}

/// <summary>The outcome of checking a token; <see cref="Claims"/> is set unless the token is invalid.</summary>
public sealed record LinkVerification(LinkTokenState State, LinkClaims? Claims);

/// <summary>
/// Signs and checks link tokens: <c>{keyId}.{payload}.{mac}</c>, where the payload is the base64url of
/// <c>1|scope|role|action|version|expiry</c> (expiry in Unix seconds) and the MAC is HMAC-SHA256 over
/// <c>{keyId}.{payload}</c>. The last configured key signs; any configured key verifies.
/// </summary>
public sealed class LinkSigner
{
    const string FormatVersion = "1";
    const string FormKeyLabel = "careerconv/form-protection/v1";

    /// <summary>The largest Unix time that <see cref="DateTimeOffset"/> can hold (the end of year 9999).</summary>
    static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    readonly IReadOnlyDictionary<string, byte[]> linkKeys;
    readonly IReadOnlyDictionary<string, byte[]> formKeys;
    readonly string signingKeyId;

    public LinkSigner(IOptions<LinkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = options.Value.Keys;
        var decoded = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var derived = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var secret = LinkOptionsValidator.DecodeSecret(key.Secret)
                ?? throw new InvalidOperationException($"Link key '{key.Id}' has no valid secret.");
            decoded[key.Id!] = secret;

            // Forms use their own key, so a form value can never be passed off as a link token.
            derived[key.Id!] = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(FormKeyLabel));
        }

        linkKeys = decoded;
        formKeys = derived;
        signingKeyId = keys[^1].Id!;
    }

    /// <summary>Signs the claims with the newest key.</summary>
    public string Sign(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var payload = string.Join('|',
            FormatVersion,
            claims.Scope.Value,
            claims.Role.ToString(),
            claims.Action.ToString(),
            claims.Version.ToString(CultureInfo.InvariantCulture),
            claims.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var signed = signingKeyId + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        return signed + "." + Base64Url.EncodeToString(Mac(linkKeys[signingKeyId], signed));
    }

    /// <summary>Checks the signature first, then the expiry against <paramref name="now"/>.</summary>
    public LinkVerification Verify(string? token, DateTimeOffset now)
    {
        var claims = ReadSigned(token);
        if (claims is null)
        {
            return new LinkVerification(LinkTokenState.Invalid, null);
        }

        return new LinkVerification(now >= claims.ExpiresAt ? LinkTokenState.Expired : LinkTokenState.Valid, claims);
    }

    /// <summary>Computes a form MAC over <paramref name="data"/> with the newest form key.</summary>
    public string FormMac(string data) =>
        signingKeyId + "." + Base64Url.EncodeToString(Mac(formKeys[signingKeyId], data));

    /// <summary>Checks a value made by <see cref="FormMac"/> with any configured key.</summary>
    public bool VerifyFormMac(string data, string? mac)
    {
        var parts = mac?.Split('.');
        if (parts is not [var keyId, var encoded] || !formKeys.TryGetValue(keyId, out var key)
            || !TryDecode(encoded, out var offered))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(offered, Mac(key, data));
    }

    LinkClaims? ReadSigned(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not [var keyId, var payload, var mac] || !linkKeys.TryGetValue(keyId, out var key)
            || !TryDecode(mac, out var offered)
            || !CryptographicOperations.FixedTimeEquals(offered, Mac(key, keyId + "." + payload))
            || !TryDecode(payload, out var payloadBytes))
        {
            return null;
        }

        return ParsePayload(Encoding.UTF8.GetString(payloadBytes));
    }

    static LinkClaims? ParsePayload(string payload)
    {
        var fields = payload.Split('|');
        if (fields is not [FormatVersion, var scopeText, var roleText, var actionText, var versionText, var expiryText]
            || LinkScope.Parse(scopeText) is not { } scope
            || !TryParseName<ActorRole>(roleText, out var role)
            || !TryParseName<LinkAction>(actionText, out var action)
            || !int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !long.TryParse(expiryText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry > MaxUnixSeconds)
        {
            return null;
        }

        return new LinkClaims(scope, role, action, version, DateTimeOffset.FromUnixTimeSeconds(expiry));
    }

    /// <summary>
    /// Parses an enum member by its exact name only. <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>
    /// also takes numbers and comma-separated lists, which <see cref="Sign"/> never writes.
    /// </summary>
    static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse(text, out value) && Enum.IsDefined(value) && value.ToString() == text;

    static byte[] Mac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
