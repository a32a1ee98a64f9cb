namespace CareerConv.Orchestrations.Messaging;

/// <summary>
/// Builds the action link an email carries for one recipient: a URL on the public site with a signed,
/// expiring token for that recipient's role and the message's action. The mail layer calls it when it
/// renders a message, so no token enters the orchestration history.
/// </summary>
public interface IActionLinkBuilder
{
    /// <summary>
    /// Returns the link for <paramref name="recipient"/>, or null when the message carries no link for
    /// that recipient (a notice, or a recipient whose role is not <see cref="OutgoingMessage.LinkRole"/>).
    /// </summary>
    Uri? LinkFor(OutgoingMessage message, Recipient recipient);
}
