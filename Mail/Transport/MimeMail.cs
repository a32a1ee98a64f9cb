using CareerConv.Mail.Rendering;
using MimeKit;

namespace CareerConv.Mail.Transport;

/// <summary>Builds the MIME form of a rendered email: text and HTML alternatives, and the invite as an attachment.</summary>
public static class MimeMail
{
    /// <summary>The header that carries the message id, so an <c>.eml</c> file can be traced to its ledger row.</summary>
    public const string MessageIdHeader = "X-CareerConv-Message-Id";

    public static MimeMessage Build(RenderedMail mail, MailOptions options, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage { Subject = mail.Subject, Date = date };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.Recipient.Person.Name, mail.Recipient.Person.Email.Trim()));
        message.Headers.Add(MessageIdHeader, mail.MessageId);

        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        if (mail.Invite is { } invite)
        {
            body.Attachments.Add(CalendarInvite.FileName, System.Text.Encoding.UTF8.GetBytes(invite.Content),
                ContentType.Parse(invite.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
