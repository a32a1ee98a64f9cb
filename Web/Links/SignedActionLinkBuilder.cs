using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using Microsoft.Extensions.Options;

namespace CareerConv.Web.Links;

/// <summary>
/// Builds the signed link each email carries. The link names the page and carries only the token,
/// whose scope is the opaque conversation id (or, for the Head of Department, the department), never
/// the instance id.
/// </summary>
public sealed class SignedActionLinkBuilder(LinkSigner signer, IOptions<LinkOptions> options, TimeProvider clock)
    : IActionLinkBuilder
{
    public Uri? LinkFor(OutgoingMessage message, Recipient recipient)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipient);
        if (message.LinkRole != recipient.Role || LinkPaths.ActionFor(message.Kind, recipient.Role) is not { } action)
        {
            return null;
        }

        var claims = new LinkClaims(Scope(message, action), recipient.Role, action, message.TokenVersion, ExpiresAt(message));
        return PageUri(options.Value, action, signer.Sign(claims));
    }

    /// <summary>Returns the absolute URL of an action's page with the token in the query string.</summary>
    public static Uri PageUri(LinkOptions options, LinkAction action, string token)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.BaseUrl!.TrimEnd('/');
        return new Uri($"{baseUrl}/{LinkPaths.For(action)}?{LinkPaths.TokenParameter}={Uri.EscapeDataString(token)}");
    }

    DateTimeOffset ExpiresAt(OutgoingMessage message) =>
        message.Deadline is { } deadline
            ? deadline + options.Value.GracePeriod
            : clock.GetUtcNow() + options.Value.DefaultLifetime;

    static LinkScope Scope(OutgoingMessage message, LinkAction action)
    {
        if (action != LinkAction.AssignReviewers)
        {
            return LinkScope.ForConversation(message.ConversationId);
        }

        // The instance id starts with the cycle; only that part goes into the department scope.
        var cycle = message.InstanceId[..message.InstanceId.IndexOf(':', StringComparison.Ordinal)];
        return LinkScope.ForDepartment(new DepartmentScope(cycle, message.Faculty, message.Department));
    }
}
