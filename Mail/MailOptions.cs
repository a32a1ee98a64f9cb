using System.ComponentModel.DataAnnotations;

namespace CareerConv.Mail;

/// <summary>
/// How email is delivered, bound from <c>CareerConv:Mail</c>. With a SendGrid API key the messages go
/// to SendGrid; without one they are written as <c>.eml</c> files to <see cref="OutboxFolder"/>.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "CareerConv:Mail";

    /// <summary>The placeholder sender; SendGrid rejects it, so it is only accepted for the outbox.</summary>
    public const string PlaceholderFromAddress = "no-reply@careerconv.invalid";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = PlaceholderFromAddress;

    [Required]
    public string FromName { get; set; } = "Career Conversations";

    /// <summary>Where <c>.eml</c> files and the outbox index go when no SendGrid key is set; relative to the working folder.</summary>
    [Required]
    public string OutboxFolder { get; set; } = "outbox";

    /// <summary>The send ledger's table, after the storage name prefix; letters and digits only.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,40}$", ErrorMessage = "LedgerTable must be 3 to 41 letters and digits, starting with a letter.")]
    public string LedgerTable { get; set; } = "SendLedger";

    /// <summary>
    /// How long one send attempt holds a message id in the ledger. Another attempt waits until the lease ends,
    /// and each transport call is cancelled before it does, so two attempts never call SendGrid at once.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The length of the meeting in calendar invites.</summary>
    public TimeSpan MeetingDuration { get; set; } = TimeSpan.FromHours(1);

    public SendGridOptions SendGrid { get; set; } = new();

    public bool UsesSendGrid => !string.IsNullOrWhiteSpace(SendGrid.ApiKey);
}

/// <summary>The SendGrid transport, bound from <c>CareerConv:Mail:SendGrid</c>.</summary>
public sealed class SendGridOptions
{
    /// <summary>The API key; keep it in a secret store. It is sent only in the Authorization header and never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API base address; null uses the SendGrid client's default. Tests point it at a local server.</summary>
    public Uri? Host { get; set; }

    /// <summary>Calls per email, counting the first, before a 429 or 5xx response fails the send.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait after the first 5xx response; it doubles with each further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait for a rate limit to reset; a later reset time is cut to this.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP call to SendGrid may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
