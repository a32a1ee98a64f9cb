using System.Globalization;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Links;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>The coordinator's iTrent handoff page: what to record, the signed record, and the confirmation.</summary>
public static class HandoffHandlers
{
    const string Purpose = "handoff";
    const string ConfirmField = "recorded";

    public static async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(request, client, LinkAction.Handoff, [ActorRole.Coordinator]);
        return check.Value is { } linked ? await PageAsync(request, kit, linked, [], StatusCodes.Status200OK) : check.Failure!;
    }

    public static async Task<IResult> PostAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var opened = await kit.OpenPostAsync(request, client, LinkAction.Handoff, [ActorRole.Coordinator], Purpose);
        if (opened.Value is not { } posted)
        {
            return opened.Failure!;
        }

        var (linked, form) = posted;

        if (!StageRules.Accepts(linked.Status.Stage, ConversationEvents.HandoffConfirmed))
        {
            return await kit.Status.NotNowAsync("The record can be confirmed once the reviewer has uploaded it.");
        }

        if (form[ConfirmField] != "yes")
        {
            return await PageAsync(request, kit, linked,
                [new FieldError(ConfirmField, "Confirm that you have recorded the meeting in iTrent.")], StatusCodes.Status400BadRequest);
        }

        var settings = ReviewerPages.Settings(request, linked.Input);
        var coordinator = settings.Coordinator ?? linked.Input.LineManager ?? settings.HeadOfDepartment;
        var payload = new HandoffConfirmedEvent((string)form[FormProtection.SubmissionField]!, new Actor(ActorRole.Coordinator, coordinator.Email));
        await client.RaiseEventAsync(linked.InstanceId, ConversationEvents.HandoffConfirmed, payload, request.HttpContext.RequestAborted);
        return await kit.Renderer.RenderAsync("message", "Thank you", new Dictionary<string, object?>
        {
            ["heading"] = "Recorded in iTrent",
            ["text"] = $"Thank you. The career conversation of {linked.Input.Staff.Name} is complete, and we have told them.",
        });
    }

    static Task<IResult> PageAsync(
        HttpRequest request, FormKit kit, LinkedConversation linked, IReadOnlyList<FieldError> errors, int statusCode)
    {
        var settings = ReviewerPages.Settings(request, linked.Input);
        var (submissionId, protection) = kit.Protection.Issue(Purpose, linked.Token);
        var meetingDate = linked.Status.MeetingAt is { } at
            ? TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(settings.Timing.TimeZoneId))
                .ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
            : null;
        return kit.Renderer.RenderAsync("handoff", "Record the career conversation in iTrent", new Dictionary<string, object?>
        {
            ["staffNumber"] = linked.Input.Staff.StaffNumber,
            ["staffName"] = linked.Input.Staff.Name,
            ["meetingDate"] = meetingDate,
            ["reviewType"] = settings.ReviewType,
            ["recordVersion"] = linked.Status.RecordVersion,
            ["canConfirm"] = StageRules.Accepts(linked.Status.Stage, ConversationEvents.HandoffConfirmed),
            ["downloadLink"] = linked.Status.RecordBlobName is null ? null : kit.Links.Download(linked.Claims, LinkAction.DownloadRecord),
            ["action"] = PageLinks.Self(LinkPaths.Handoff, linked.Token),
            ["submissionId"] = submissionId,
            ["protection"] = protection,
        }, statusCode, errors);
    }
}
