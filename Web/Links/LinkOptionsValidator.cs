using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CareerConv.Web.Links;

/// <summary>Checks the link settings at start-up, with messages that name the key to fix.</summary>
public sealed partial class LinkOptionsValidator : IValidateOptions<LinkOptions>
{
    public const int MinimumSecretBytes = 32;

    public ValidateOptionsResult Validate(string? name, LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        ValidateKeys(options.Keys, errors);
        ValidateBaseUrl(options.BaseUrl, errors);
        RequirePositive(errors, nameof(options.GracePeriod), options.GracePeriod, allowZero: true);
        RequirePositive(errors, nameof(options.DefaultLifetime), options.DefaultLifetime, allowZero: false);
        RequirePositive(errors, nameof(options.FormLifetime), options.FormLifetime, allowZero: false);
        RequirePositive(errors, nameof(options.DownloadLifetime), options.DownloadLifetime, allowZero: false);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    static void ValidateKeys(List<LinkKeyOptions> keys, List<string> errors)
    {
        if (keys.Count == 0)
        {
            errors.Add($"{LinkOptions.SectionName}:Keys is empty; add at least one key with an Id and a base64 "
                + $"Secret of {MinimumSecretBytes} or more random bytes.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var prefix = $"{LinkOptions.SectionName}:Keys:{i}";
            var id = keys[i].Id;
            if (id is null || !KeyIdPattern().IsMatch(id))
            {
                errors.Add($"{prefix}:Id '{id}' is invalid; use 1 to 16 letters or digits.");
            }
            else if (!seen.Add(id))
            {
                errors.Add($"{prefix}:Id '{id}' is used by an earlier key; give each key its own id.");
            }

            if (DecodeSecret(keys[i].Secret) is not { Length: >= MinimumSecretBytes })
            {
                errors.Add($"{prefix}:Secret is missing, not base64, or shorter than {MinimumSecretBytes} bytes; "
                    + "make one with `openssl rand -base64 32`.");
            }
        }
    }

    static void ValidateBaseUrl(string? baseUrl, List<string> errors)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add($"{LinkOptions.SectionName}:BaseUrl '{baseUrl}' is invalid; give the site's absolute "
                + "http or https URL without a query, such as https://careers.example.ac.uk.");
        }
    }

    static void RequirePositive(List<string> errors, string name, TimeSpan value, bool allowZero)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            errors.Add($"{LinkOptions.SectionName}:{name} '{value}' is invalid; give a positive duration such as 5.00:00:00.");
        }
    }

    /// <summary>Decodes a base64 secret, or returns null when it is missing or not base64.</summary>
    public static byte[]? DecodeSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,16}$")]
    private static partial Regex KeyIdPattern();
}
