using Microsoft.Extensions.Options;

namespace CareerConv.Mail;

/// <summary>Checks what data annotations cannot: the SendGrid section and how the durations fit together.</summary>
sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var sendGrid = options.SendGrid;
        if (options.SendLease < TimeSpan.FromSeconds(30))
        {
            failures.Add($"CareerConv:Mail:SendLease is {options.SendLease}; set at least 00:00:30.");
        }

        if (options.MeetingDuration <= TimeSpan.Zero)
        {
            failures.Add($"CareerConv:Mail:MeetingDuration is {options.MeetingDuration}; set a positive duration.");
        }

        if (sendGrid.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"CareerConv:Mail:SendGrid:MaxAttempts is {sendGrid.MaxAttempts}; set 1 to 10.");
        }

        if (sendGrid.RetryDelay < TimeSpan.Zero || sendGrid.MaxRateLimitWait < TimeSpan.Zero)
        {
            failures.Add("CareerConv:Mail:SendGrid:RetryDelay and MaxRateLimitWait must not be negative.");
        }

        if (sendGrid.RequestTimeout <= TimeSpan.Zero || sendGrid.RequestTimeout >= options.SendLease)
        {
            failures.Add(
                $"CareerConv:Mail:SendGrid:RequestTimeout is {sendGrid.RequestTimeout}; set it above zero and below SendLease ({options.SendLease}).");
        }

        if (options.UsesSendGrid && options.FromAddress == MailOptions.PlaceholderFromAddress)
        {
            failures.Add("CareerConv:Mail:FromAddress is missing; set it to a sender verified in SendGrid.");
        }

        if (sendGrid.Host is { IsAbsoluteUri: false })
        {
            failures.Add($"CareerConv:Mail:SendGrid:Host '{sendGrid.Host}' is not an absolute URI.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
