using CareerConv.Mail.Ledger;
using CareerConv.Mail.Rendering;
using CareerConv.Mail.Transport;
using CareerConv.Orchestrations.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerConv.Mail.Delivery;

/// <summary>
/// The real <see cref="IMessageSender"/>: renders the message for each recipient, takes the message id in
/// the send ledger, hands each email to the transport and records it in the ledger straight after the
/// transport accepts it. A message id that the ledger holds as Sent is not sent again; a retry after a
/// failure sends only to the recipients not yet recorded.
/// </summary>
public sealed class MailMessageSender(
    MailRenderer renderer,
    SendLedger ledger,
    IMailTransport transport,
    IOptions<MailOptions> options,
    ILogger<MailMessageSender> logger) : IMessageSender
{
    // Each transport call ends this long before the lease, so the ledger write after it still falls inside.
    static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(10);

    public async Task<bool> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Render first: a template error then fails the attempt before the ledger is touched.
        var mails = renderer.Render(message);
        var claim = await ledger.ClaimAsync(message, cancellationToken);
        if (claim is null)
        {
            MailLog.AlreadySent(logger, message.Kind, message.ConversationId);
            return false;
        }

        try
        {
            await DeliverAsync(mails, claim, cancellationToken);
        }
        catch (Exception e) when (e is not SendInProgressException)
        {
            MailLog.SendFailed(logger, e, message.Kind, message.ConversationId);
            await ReleaseAsync(claim, message, e);
            throw;
        }

        return true;
    }

    async Task DeliverAsync(IReadOnlyList<RenderedMail> mails, LedgerClaim claim, CancellationToken cancellationToken)
    {
        var pending = mails.Where(m => !claim.Delivered.Contains(m.Recipient.Person.Email.Trim())).ToArray();
        if (pending.Length == 0)
        {
            await ledger.CompleteAsync(claim, cancellationToken);
            return;
        }

        for (var i = 0; i < pending.Length; i++)
        {
            using (var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                lease.CancelAfter(options.Value.SendLease - LeaseMargin);
                await transport.DeliverAsync(pending[i], lease.Token);
            }

            // The crash window is the time between the transport accepting the email and this write finishing.
            var isLast = i == pending.Length - 1;
            await ledger.RecordDeliveredAsync(claim, pending[i].Recipient.Person.Email, isLast, cancellationToken);
        }
    }

    async Task ReleaseAsync(LedgerClaim claim, OutgoingMessage message, Exception error)
    {
        try
        {
            // Not cancellable: a cancelled attempt should still free the id for the next one.
            await ledger.ReleaseAsync(claim, error, CancellationToken.None);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or SendInProgressException)
        {
            MailLog.ReleaseFailed(logger, e, message.Kind, message.ConversationId);
        }
    }
}
