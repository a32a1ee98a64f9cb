using System.Globalization;
using CareerConv.Web.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CareerConv.Web.Forms;

/// <summary>The outcome of checking a posted form's anti-forgery value.</summary>
public enum FormCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}

/// <summary>
/// Stateless anti-forgery for link pages. Each form carries a submission id made when the page was
/// shown and a value <c>{issued}.{keyId}.{mac}</c>, where the MAC is HMAC-SHA256, under a key derived
/// from the link keys, of the purpose, the page's link token, the submission id and the issue time. A
/// post from another site fails because it cannot compute the MAC, and no server-side key ring or
/// cookie is needed, so both hosts check it the same way. The value expires after
/// <see cref="LinkOptions.FormLifetime"/>.
/// </summary>
public sealed class FormProtection(LinkSigner signer, IOptions<LinkOptions> options, TimeProvider clock)
{
    public const string SubmissionField = "submissionId";
    public const string ProtectionField = "formProtection";

    /// <summary>Makes a new submission id and its anti-forgery value for a form on the page.</summary>
    public (string SubmissionId, string Protection) Issue(string purpose, string token)
    {
        var submissionId = Guid.NewGuid().ToString("N");
        return (submissionId, Protect(purpose, token, submissionId));
    }

    /// <summary>Returns the anti-forgery value for an existing submission id, issued now.</summary>
    public string Protect(string purpose, string token, string submissionId)
    {
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return issued + "." + signer.FormMac(Data(purpose, token, submissionId, issued));
    }

    /// <summary>Checks the posted submission id and anti-forgery value against the page's token.</summary>
    public FormCheck Check(string purpose, string token, string? submissionId, string? protection)
    {
        if (string.IsNullOrEmpty(submissionId) || string.IsNullOrEmpty(protection))
        {
            return FormCheck.Missing;
        }

        var separator = protection.IndexOf('.', StringComparison.Ordinal);
        if (separator <= 0 || !long.TryParse(protection.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || !signer.VerifyFormMac(Data(purpose, token, submissionId, protection[..separator]), protection[(separator + 1)..]))
        {
            return FormCheck.Invalid;
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age > options.Value.FormLifetime || age < -TimeSpan.FromMinutes(5) ? FormCheck.Expired : FormCheck.Valid;
    }

    /// <summary>Checks a posted form, reading the two fields from it.</summary>
    public FormCheck Check(string purpose, string token, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Check(purpose, token, form[SubmissionField], form[ProtectionField]);
    }

    static string Data(string purpose, string token, string submissionId, string issued) =>
        string.Join('|', purpose, token, submissionId, issued);
}
