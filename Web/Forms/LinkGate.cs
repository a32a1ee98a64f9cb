using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Links;
using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace CareerConv.Web.Forms;

/// <summary>
/// Checks the token of a link page and loads the conversation it names. The order matters: a bad
/// signature is 401 before anything else is read, then expiry (410), then role and action (403), and
/// only then the conversation, so a rejected link learns nothing about anyone.
/// </summary>
public sealed class LinkGate(LinkSigner signer, StatusPages pages, IConversationDirectory directory, TimeProvider clock)
{
    /// <summary>Checks the token in the request's query string against the page's role and action.</summary>
    public async Task<LinkCheck<LinkClaims>> CheckTokenAsync(HttpRequest request, LinkAction action, params ActorRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = (string?)request.Query[LinkPaths.TokenParameter];
        var verification = signer.Verify(token, clock.GetUtcNow());
        var failure = verification.State switch
        {
            LinkTokenState.Invalid => await pages.InvalidLinkAsync(),
            LinkTokenState.Expired => await pages.ExpiredAsync(),
            _ when verification.Claims!.Action != action || !roles.Contains(verification.Claims.Role) => await pages.WrongPageAsync(),
            _ => null,
        };
        return new LinkCheck<LinkClaims>(failure is null ? verification.Claims : null, failure);
    }

    /// <summary>
    /// Checks the token and loads its conversation. Unless <paramref name="allowCompleted"/> is set, a
    /// completed or withdrawn conversation gives the closed page.
    /// </summary>
    public async Task<LinkCheck<LinkedConversation>> OpenAsync(
        HttpRequest request, DurableTaskClient client, LinkAction action, ActorRole[] roles, bool allowCompleted = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await CheckTokenAsync(request, action, roles);
        if (token.Value is not { Scope.ConversationId: { } conversationId } claims)
        {
            return new LinkCheck<LinkedConversation>(null, token.Failure ?? await pages.WrongPageAsync());
        }

        var cancellation = request.HttpContext.RequestAborted;
        var instanceId = await directory.FindInstanceIdAsync(conversationId, cancellation);
        var instance = instanceId is null ? null : await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation);
        if (instance?.SerializedCustomStatus is null || instance.SerializedInput is null)
        {
            return new LinkCheck<LinkedConversation>(null, await pages.ClosedAsync(known: false));
        }

        var input = JsonSerializer.Deserialize<ConversationInput>(instance.SerializedInput, WebJson.Options)!;
        var status = JsonSerializer.Deserialize<ConversationStatus>(instance.SerializedCustomStatus, WebJson.Options)!;
        if (claims.Version < status.TokenVersions.GetValueOrDefault(claims.Role, 1))
        {
            return new LinkCheck<LinkedConversation>(null, await pages.SupersededAsync());
        }

        var open = StageRules.IsActive(status.Stage) || (allowCompleted && status.Stage == ConversationStage.Completed);
        if (!open)
        {
            return new LinkCheck<LinkedConversation>(null, await pages.ClosedAsync(known: true));
        }

        var raw = (string)request.Query[LinkPaths.TokenParameter]!;
        return new LinkCheck<LinkedConversation>(new LinkedConversation(claims, raw, instanceId!, input, status), null);
    }
}
