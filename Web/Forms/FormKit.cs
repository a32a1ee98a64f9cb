using CareerConv.Orchestrations.Contracts;
using CareerConv.Web.Links;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>The services every link page handler uses, resolved once per request.</summary>
public sealed record FormKit(
    PageRenderer Renderer, StatusPages Status, LinkGate Gate, FormProtection Protection, PageLinks Links, TimeProvider Clock)
{
    public static FormKit From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<FormKit>();
    }

    /// <summary>
    /// Opens a posted form: checks the link for the action and roles, reads the form, and checks its
    /// anti-forgery value. Returns the conversation and the form, or the page that explains the failure.
    /// </summary>
    public async Task<LinkCheck<PostedForm>> OpenPostAsync(
        HttpRequest request, DurableTaskClient client, LinkAction action, ActorRole[] roles, string purpose)
    {
        var check = await Gate.OpenAsync(request, client, action, roles);
        if (check.Value is not { } linked)
        {
            return new LinkCheck<PostedForm>(null, check.Failure);
        }

        var form = await FormReading.ReadAsync(request);
        var protection = Protection.Check(purpose, linked.Token, form);
        return protection == FormCheck.Valid
            ? new LinkCheck<PostedForm>(new PostedForm(linked, form), null)
            : new LinkCheck<PostedForm>(null, await Status.FormRejectedAsync(protection));
    }

    /// <summary>Redirects the browser to a page with GET after a successful post.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}

/// <summary>A posted form whose link and anti-forgery value were both checked.</summary>
public sealed record PostedForm(LinkedConversation Linked, IFormCollection Form);
