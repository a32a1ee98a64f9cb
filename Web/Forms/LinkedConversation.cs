using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Links;

namespace CareerConv.Web.Forms;

/// <summary>A verified link and the conversation it opens.</summary>
/// <param name="Token">The token as received, for forms and redirects back to the same page.</param>
public sealed record LinkedConversation(
    LinkClaims Claims, string Token, string InstanceId, ConversationInput Input, ConversationStatus Status)
{
    public bool IsClosed => !StageRules.IsActive(Status.Stage);
}

/// <summary>Either a verified conversation or the page that explains why the link cannot be used.</summary>
public sealed record LinkCheck<T>(T? Value, Microsoft.AspNetCore.Http.IResult? Failure)
    where T : class;
