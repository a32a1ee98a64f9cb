using System.Net.Mail;

namespace CareerConv.Orchestrations.Contracts;

/// <summary>Checks email addresses the same way wherever they enter: forms, the admin API and rosters.</summary>
public static class EmailAddress
{
    /// <summary>Returns whether a value is one plain address with a dotted domain, no display name and no list.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);
}
