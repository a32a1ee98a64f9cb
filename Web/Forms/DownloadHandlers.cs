using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Forms;

/// <summary>
/// File downloads: the prefilled record form for the reviewer, and the signed record for the staff
/// member and the coordinator. Each is an attachment behind a short-lived link that a page made.
/// </summary>
public static class DownloadHandlers
{
    const string PdfType = "application/pdf";

    public static async Task<IResult> RecordFormAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(request, client, LinkAction.DownloadRecordForm, [ActorRole.Reviewer]);
        if (check.Value is not { } linked)
        {
            return check.Failure!;
        }

        if (request.HttpContext.RequestServices.GetService<IRecordFormRenderer>() is not { } renderer)
        {
            return await kit.Status.UnavailableAsync("The record form cannot be made on this server yet. Try again later.");
        }

        var settings = ReviewerPages.Settings(request, linked.Input);
        var reviewer = linked.Status.Reviewer ?? linked.Input.Reviewer ?? new Person("", "");
        var data = new RecordFormData(
            linked.Input.Staff, reviewer, linked.Status.MeetingAt, settings.Timing.TimeZoneId, linked.Input.Faculty, linked.Input.Department);
        var pdf = await renderer.RenderAsync(data, request.HttpContext.RequestAborted);
        return Attachment(request, Results.File(pdf, PdfType, "career-conversation-record-form.pdf"));
    }

    public static async Task<IResult> RecordAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(
            request, client, LinkAction.DownloadRecord, [ActorRole.Staff, ActorRole.Coordinator], allowCompleted: true);
        if (check.Value is not { } linked)
        {
            return check.Failure!;
        }

        var store = request.HttpContext.RequestServices.GetRequiredService<IDocumentStore>();
        var content = linked.Status.RecordBlobName is { } blobName
            ? await store.OpenAsync(blobName, request.HttpContext.RequestAborted)
            : null;
        if (content is null)
        {
            return await kit.Status.NotNowAsync("No signed record has been uploaded yet.");
        }

        var fileName = $"career-conversation-record-v{linked.Status.RecordVersion}.pdf";
        return Attachment(request, Results.File(content, PdfType, fileName));
    }

    /// <summary>Stops the browser from guessing the type or keeping a copy; the file name makes it an attachment.</summary>
    static IResult Attachment(HttpRequest request, IResult file)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        return file;
    }
}
