using System.Globalization;
using System.Net;
using System.Text;
using CareerConv.Mail.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CareerConv.Mail.Transport;

/// <summary>
/// Sends through the SendGrid v3 Mail Send API. A 429 waits until <c>X-RateLimit-Reset</c> and a 5xx backs
/// off, both within <see cref="SendGridOptions.MaxAttempts"/>; any other failure is not retried and
/// throws <see cref="MailDeliveryException"/> with the status and SendGrid's error text. The message id goes
/// with the email as the custom argument <c>message_id</c>, so SendGrid's event data can be matched to it.
/// </summary>
public sealed class SendGridTransport : IMailTransport, IDisposable
{
    public const string MessageIdArgument = "message_id";
    public const string MessageKindArgument = "message_kind";

    readonly MailOptions options;
    readonly HttpClient http;
    readonly SendGridClient client;
    readonly TimeProvider clock;
    readonly ILogger<SendGridTransport> logger;

    /// <param name="clock">The wall clock: rate-limit resets are wall-clock times, whatever clock the workflow runs on.</param>
    public SendGridTransport(IOptions<MailOptions> options, TimeProvider clock, ILogger<SendGridTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        var sendGrid = this.options.SendGrid;
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = sendGrid.RequestTimeout,
        };
        var clientOptions = new SendGridClientOptions { ApiKey = sendGrid.ApiKey };
        if (sendGrid.Host is { } host)
        {
            clientOptions.Host = host.AbsoluteUri.TrimEnd('/');
        }

        client = new SendGridClient(http, clientOptions);
    }

    public async Task DeliverAsync(RenderedMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var request = Build(mail);
        var maxAttempts = options.SendGrid.MaxAttempts;
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.SendEmailAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                MailLog.SendGridAccepted(logger, mail.Kind, mail.ConversationId, attempt);
                return;
            }

            var error = await ErrorTextAsync(response, cancellationToken);
            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
            if (!retryable)
            {
                MailLog.SendGridRejected(logger, mail.Kind, mail.ConversationId, status, error);
                throw Failure(mail, status, error, $"SendGrid rejected the email with status {status}: {error}");
            }

            if (attempt >= maxAttempts)
            {
                MailLog.SendGridGaveUp(logger, status, mail.Kind, mail.ConversationId, attempt, error);
                throw Failure(mail, status, error, $"SendGrid returned status {status} after {attempt} attempts: {error}");
            }

            var delay = RetryDelay(response, attempt);
            MailLog.SendGridRetrying(logger, status, mail.Kind, mail.ConversationId, delay, attempt, maxAttempts);
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>Builds the request for one recipient; every request carries exactly one address.</summary>
    SendGridMessage Build(RenderedMail mail)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(options.FromAddress, options.FromName),
            Subject = mail.Subject,
            PlainTextContent = mail.Text,
            HtmlContent = mail.Html,
        };
        message.AddTo(new EmailAddress(mail.Recipient.Person.Email.Trim(), mail.Recipient.Person.Name));
        message.AddCustomArg(MessageIdArgument, mail.MessageId);
        message.AddCustomArg(MessageKindArgument, mail.Kind.ToString());
        if (mail.Invite is { } invite)
        {
            message.AddAttachment(new Attachment
            {
                Filename = CalendarInvite.FileName,
                Type = invite.ContentType,
                Content = Convert.ToBase64String(Encoding.UTF8.GetBytes(invite.Content)),
                Disposition = "attachment",
            });
        }

        return message;
    }

    /// <summary>
    /// For a 429, the time until <c>X-RateLimit-Reset</c> (Unix seconds), at most
    /// <see cref="SendGridOptions.MaxRateLimitWait"/>; otherwise, and when that header is missing,
    /// exponential backoff from <see cref="SendGridOptions.RetryDelay"/>.
    /// </summary>
    TimeSpan RetryDelay(Response response, int attempt)
    {
        var sendGrid = options.SendGrid;
        if (response.StatusCode == HttpStatusCode.TooManyRequests
            && response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - clock.GetUtcNow();
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(wait.Ticks, sendGrid.MaxRateLimitWait.Ticks));
        }

        return sendGrid.RetryDelay * Math.Pow(2, attempt - 1);
    }

    static async Task<string> ErrorTextAsync(Response response, CancellationToken cancellationToken)
    {
        if (response.Body is null)
        {
            return "(no response body)";
        }

        var body = await response.Body.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(body) ? "(empty response body)" : body.Trim();
    }

    static MailDeliveryException Failure(RenderedMail mail, int status, string error, string text) =>
        new(mail.MessageId, status, error, $"{text} (message {mail.MessageId}, {mail.Kind})");
}
