using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Admin;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>
/// The page where someone whose link expired requests a new one. The response is the same whether
/// or not the address is known, and the new link is sent only to that address.
/// </summary>
public static class FreshLinkHandlers
{
    const string Purpose = "fresh-link";
    const string EmailField = "email";

    public static async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        return await PageAsync(kit, "", [], StatusCodes.Status200OK);
    }

    public static async Task<IResult> PostAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var kit = FormKit.From(request);
        var form = await FormReading.ReadAsync(request);
        var protection = kit.Protection.Check(Purpose, "", form);
        if (protection != FormCheck.Valid)
        {
            return await kit.Status.FormRejectedAsync(protection);
        }

        var email = ((string?)form[EmailField] ?? "").Trim();
        if (!StartConversationValidator.IsEmail(email))
        {
            return await PageAsync(kit, email, [new FieldError(EmailField, "Enter your work email address, like name@example.ac.uk.")],
                StatusCodes.Status400BadRequest);
        }

        var limiter = request.HttpContext.RequestServices.GetRequiredService<FreshLinkLimiter>();
        var clientAddress = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.TryClient(clientAddress))
        {
            return await kit.Renderer.RenderAsync("message", "Too many requests", new Dictionary<string, object?>
            {
                ["heading"] = "Too many requests",
                ["text"] = "You have asked for new links too often. Wait an hour and try again.",
            }, StatusCodes.Status429TooManyRequests);
        }

        // An address over its own limit gets the same response, so the page never reveals whether it is known.
        if (limiter.TryAddress(email))
        {
            await SendLinksAsync(request, client, email, kit.Clock.GetUtcNow());
        }

        return await kit.Renderer.RenderAsync("fresh-link-sent", "Check your email", new Dictionary<string, object?>
        {
            ["email"] = email,
        });
    }

    static async Task SendLinksAsync(HttpRequest request, DurableTaskClient client, string email, DateTimeOffset now)
    {
        var services = request.HttpContext.RequestServices;
        var sender = services.GetRequiredService<IMessageSender>();
        var settingsSource = services.GetRequiredService<IConversationSettingsSource>();
        var cancellation = request.HttpContext.RequestAborted;
        await foreach (var summary in services.GetRequiredService<IConversationQuery>().ListAsync(client, null, cancellation))
        {
            if (RecipientFor(summary, email) is not { } recipient)
            {
                continue;
            }

            var settings = settingsSource.Load(new LoadSettingsRequest(summary.Input.Faculty, summary.Input.Department, summary.Input.Cycle));
            await sender.SendAsync(Message(summary, recipient, settings.Timing.TimeZoneId, now), cancellation);
        }
    }

    /// <summary>
    /// Returns the recipient when the address is the staff member's (open or completed conversation)
    /// or the current reviewer's (open conversation only).
    /// </summary>
    static Recipient? RecipientFor(ConversationSummary summary, string email)
    {
        var staff = summary.Input.Staff;
        var open = StageRules.IsActive(summary.Status.Stage);
        if (string.Equals(staff.Email, email, StringComparison.OrdinalIgnoreCase)
            && (open || summary.Status.Stage == ConversationStage.Completed))
        {
            return new Recipient(ActorRole.Staff, new Person(staff.Name, staff.Email));
        }

        var reviewer = summary.Status.Reviewer;
        return open && reviewer is not null && string.Equals(reviewer.Email, email, StringComparison.OrdinalIgnoreCase)
            ? new Recipient(ActorRole.Reviewer, reviewer)
            : null;
    }

    /// <summary>
    /// Builds the message. Its id uses the minute as the ordinal, so repeats within a minute are one
    /// message to the sender's ledger. It has no deadline, so its link lasts the default lifetime.
    /// </summary>
    static OutgoingMessage Message(ConversationSummary summary, Recipient recipient, string timeZoneId, DateTimeOffset now)
    {
        var ordinal = (int)(now.ToUnixTimeSeconds() / 60);
        var id = new MessageId(summary.InstanceId, MessageKind.FreshLink, ordinal, summary.Status.ScheduleRevision);
        return new OutgoingMessage(
            id.ToString(), MessageKind.FreshLink, summary.InstanceId, summary.Input.ConversationId, [recipient], [],
            summary.Input.Staff, summary.Status.Reviewer, summary.Input.Faculty, summary.Input.Department, timeZoneId,
            Deadline: null, DeadlineKind: null, Meeting: null, recipient.Role,
            summary.Status.TokenVersions.GetValueOrDefault(recipient.Role, 1), now);
    }

    static Task<IResult> PageAsync(FormKit kit, string email, IReadOnlyList<FieldError> errors, int statusCode)
    {
        var (submissionId, protection) = kit.Protection.Issue(Purpose, "");
        return kit.Renderer.RenderAsync("fresh-link", "Get a new link", new Dictionary<string, object?>
        {
            ["email"] = email,
            ["submissionId"] = submissionId,
            ["protection"] = protection,
        }, statusCode, errors);
    }
}
