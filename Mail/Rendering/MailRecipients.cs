using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Mail.Rendering;

/// <summary>Chooses who gets a copy of a message.</summary>
public static class MailRecipients
{
    /// <summary>
    /// Returns each address in To and then Cc once, compared case-insensitively, keeping the first
    /// occurrence (so a To entry wins over the same address in Cc). SendGrid rejects a request that names one
    /// address twice, and a person should get one copy.
    /// </summary>
    public static IReadOnlyList<Recipient> Distinct(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. message.To.Concat(message.Cc)
            .Where(r => !string.IsNullOrWhiteSpace(r.Person.Email))
            .DistinctBy(r => r.Person.Email.Trim(), StringComparer.OrdinalIgnoreCase)];
    }
}
