using CareerConv.Mail.Rendering;

namespace CareerConv.Mail.Transport;

/// <summary>Hands one rendered email to a delivery service or a folder; throws when it was not accepted.</summary>
public interface IMailTransport
{
    Task DeliverAsync(RenderedMail mail, CancellationToken cancellationToken = default);
}

/// <summary>A delivery service did not accept an email; carries the HTTP status and the service's error text.</summary>
public sealed class MailDeliveryException(string messageId, int statusCode, string error, string message)
    : Exception(message)
{
    public string MessageId { get; } = messageId;

    public int StatusCode { get; } = statusCode;

    /// <summary>The error text from the response body, as the service wrote it.</summary>
    public string Error { get; } = error;
}
