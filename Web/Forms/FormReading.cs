using CareerConv.Orchestrations.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CareerConv.Web.Forms;

/// <summary>Reads small url-encoded forms with limits, and checks whether a submission was already applied.</summary>
public static class FormReading
{
    /// <summary>The largest url-encoded form body a link page reads, in bytes.</summary>
    public const int MaxFormBytes = 128 * 1024;

    /// <summary>
    /// Reads the form; a body over <see cref="MaxFormBytes"/>, with or without a Content-Length, gives a
    /// 413 problem response, and a truncated multipart body a 400.
    /// </summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxFormBytes)
        {
            throw new BadHttpRequestException($"The form is larger than {MaxFormBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (!request.HasFormContentType)
        {
            throw new BadHttpRequestException("Send the form as application/x-www-form-urlencoded.", StatusCodes.Status415UnsupportedMediaType);
        }

        RequestBodyLimit.Apply(request, MaxFormBytes, $"The form is larger than {MaxFormBytes} bytes.");
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            ValueCountLimit = 400,
            ValueLengthLimit = MaxFormBytes,
            MultipartBodyLengthLimit = MaxFormBytes,
            BufferBody = false,
        }));
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            throw new BadHttpRequestException($"The form could not be read: {ex.Message}", StatusCodes.Status413PayloadTooLarge);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // A multipart body that ends before its closing boundary.
            throw new BadHttpRequestException($"The form could not be read: {ex.Message}", StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// Returns whether the conversation's timeline already names this submission id, so a form sent
    /// twice is answered without raising its event again.
    /// </summary>
    public static async Task<bool> AlreadyAppliedAsync(
        ITimelineStore timeline, string instanceId, string submissionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var entries = await timeline.ReadAsync(instanceId, cancellationToken);
        return entries.Any(e => e.Reference?.EndsWith("/" + submissionId, StringComparison.Ordinal) == true);
    }
}
