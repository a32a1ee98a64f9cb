using System.Globalization;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Links;
using CareerConv.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CareerConv.Web.Forms;

/// <summary>
/// The reviewer's record page: meeting guidance, the prefilled form to download, and the upload of the
/// signed record. The upload is read section by section and the file is passed on as a stream, so it
/// is never held whole in memory here.
/// </summary>
public static class RecordHandlers
{
    const string Purpose = "record";
    public const string FileField = "recordFile";

    /// <summary>Room for the form fields and multipart headers beside the file, in bytes.</summary>
    const long EnvelopeBytes = 16 * 1024;

    public static async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(request, client, LinkAction.Record, [ActorRole.Reviewer]);
        return check.Value is { } linked
            ? await PageAsync(request, kit, linked, [], request.Query["uploaded"] == "1", StatusCodes.Status200OK)
            : check.Failure!;
    }

    public static async Task<IResult> PostAsync(HttpRequest request, DurableTaskClient client)
    {
        var kit = FormKit.From(request);
        var check = await kit.Gate.OpenAsync(request, client, LinkAction.Record, [ActorRole.Reviewer]);
        if (check.Value is not { } linked)
        {
            return check.Failure!;
        }

        if (request.HttpContext.RequestServices.GetService<IRecordUploads>() is not { } uploads)
        {
            return await kit.Status.UnavailableAsync("Record uploads are not set up on this server yet. Try again later.");
        }

        if (request.ContentLength > uploads.MaxBytes + EnvelopeBytes)
        {
            return await TooLargeAsync(request, kit, linked, uploads.MaxBytes);
        }

        var boundary = Boundary(request);
        if (boundary is null)
        {
            throw new BadHttpRequestException("Send the upload as multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
        }

        RequestBodyLimit.Apply(request, uploads.MaxBytes + EnvelopeBytes, "The upload is larger than the record size limit.");
        try
        {
            return await ReadUploadAsync(request, client, kit, linked, uploads, new MultipartReader(boundary, request.Body));
        }
        catch (Exception ex) when (ex is (IOException or InvalidDataException) and not BadHttpRequestException
            && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // A multipart body that ends before its closing boundary, or whose section headers are invalid.
            throw new BadHttpRequestException($"The upload could not be read: {ex.Message}", StatusCodes.Status400BadRequest);
        }
    }

    static async Task<IResult> ReadUploadAsync(
        HttpRequest request, DurableTaskClient client, FormKit kit, LinkedConversation linked, IRecordUploads uploads, MultipartReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var cancellation = request.HttpContext.RequestAborted;
        while (await reader.ReadNextSectionAsync(cancellation) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !(disposition.IsFormDisposition() || disposition.IsFileDisposition()))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (!disposition.IsFileDisposition())
            {
                fields[name] = await ReadFieldAsync(section, cancellation);
                continue;
            }

            if (name == FileField)
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
                return await AcceptFileAsync(request, client, kit, linked, uploads, fields, fileName, section.Body);
            }
        }

        // The browser sends fields in page order, so reaching the end means no file was chosen.
        return await CheckedOrAsync(kit, linked, fields, () => PageAsync(request, kit, linked,
            [new FieldError(FileField, "Choose the signed record form to upload, as a PDF file.")], false, StatusCodes.Status400BadRequest));
    }

    static async Task<IResult> AcceptFileAsync(
        HttpRequest request, DurableTaskClient client, FormKit kit, LinkedConversation linked, IRecordUploads uploads,
        Dictionary<string, string> fields, string fileName, Stream content)
    {
        var protection = kit.Protection.Check(
            Purpose, linked.Token, fields.GetValueOrDefault(FormProtection.SubmissionField), fields.GetValueOrDefault(FormProtection.ProtectionField));
        if (protection != FormCheck.Valid)
        {
            return await kit.Status.FormRejectedAsync(protection);
        }

        var submissionId = fields[FormProtection.SubmissionField];
        var cancellation = request.HttpContext.RequestAborted;
        var timeline = request.HttpContext.RequestServices.GetRequiredService<ITimelineStore>();
        if (await FormReading.AlreadyAppliedAsync(timeline, linked.InstanceId, submissionId, cancellation))
        {
            return FormKit.SeeOther(PageLinks.Self(LinkPaths.Record, linked.Token, "uploaded=1"));
        }

        if (!StageRules.Accepts(linked.Status.Stage, ConversationEvents.RecordUploaded))
        {
            return await kit.Status.NotNowAsync("The signed record can be uploaded once the meeting has been arranged.");
        }

        var version = linked.Status.RecordVersion + 1;
        var uploadRequest = new RecordUploadRequest(
            linked.Input.ConversationId, linked.Input.Faculty, linked.Input.Cycle, linked.Input.Staff.StaffNumber, version,
            string.IsNullOrWhiteSpace(fileName) ? null : fileName);
        var outcome = await uploads.AcceptAsync(uploadRequest, content, cancellation);
        if (outcome.Stored is not { } stored)
        {
            return outcome.Rejection == RecordUploadRejection.TooLarge
                ? await TooLargeAsync(request, kit, linked, uploads.MaxBytes)
                : await PageAsync(request, kit, linked, [new FieldError(FileField, outcome.Reason ?? "The file was rejected.")],
                    false, StatusCodes.Status422UnprocessableEntity);
        }

        var payload = new RecordUploadedEvent(submissionId, ReviewerPages.Actor(linked), stored.BlobName, stored.Sha256, stored.SizeBytes, version);
        await client.RaiseEventAsync(linked.InstanceId, ConversationEvents.RecordUploaded, payload, cancellation);
        return FormKit.SeeOther(PageLinks.Self(LinkPaths.Record, linked.Token, "uploaded=1"));
    }

    /// <summary>Checks the anti-forgery fields first, so a forged post gets 400 or 403 and not a form error.</summary>
    static async Task<IResult> CheckedOrAsync(FormKit kit, LinkedConversation linked, Dictionary<string, string> fields, Func<Task<IResult>> next)
    {
        var protection = kit.Protection.Check(
            Purpose, linked.Token, fields.GetValueOrDefault(FormProtection.SubmissionField), fields.GetValueOrDefault(FormProtection.ProtectionField));
        return protection == FormCheck.Valid ? await next() : await kit.Status.FormRejectedAsync(protection);
    }

    static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        const int MaxFieldChars = 1024;
        using var reader = new StreamReader(section.Body);
        var buffer = new char[MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxFieldChars)
        {
            throw new BadHttpRequestException($"A form field is longer than {MaxFieldChars} characters.");
        }

        return new string(buffer, 0, read);
    }

    static string? Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString();
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? null : boundary;
    }

    static Task<IResult> TooLargeAsync(HttpRequest request, FormKit kit, LinkedConversation linked, long maxBytes)
    {
        var megabytes = (maxBytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
        return PageAsync(request, kit, linked,
            [new FieldError(FileField, $"The file is too large; upload a PDF of {megabytes} MB or less.")],
            false, StatusCodes.Status413PayloadTooLarge);
    }

    static Task<IResult> PageAsync(
        HttpRequest request, FormKit kit, LinkedConversation linked, IReadOnlyList<FieldError> errors, bool uploaded, int statusCode)
    {
        var settings = ReviewerPages.Settings(request, linked.Input);
        var (submissionId, protection) = kit.Protection.Issue(Purpose, linked.Token);
        var model = ReviewerPages.Model(kit, linked, settings);
        model["canUpload"] = StageRules.Accepts(linked.Status.Stage, ConversationEvents.RecordUploaded);
        model["recordVersion"] = linked.Status.RecordVersion;
        model["uploaded"] = uploaded;
        model["formLink"] = kit.Links.Download(linked.Claims, LinkAction.DownloadRecordForm);
        model["action"] = PageLinks.Self(LinkPaths.Record, linked.Token);
        model["submissionId"] = submissionId;
        model["protection"] = protection;
        return kit.Renderer.RenderAsync("record", "The record of the conversation", model, statusCode, errors);
    }
}
