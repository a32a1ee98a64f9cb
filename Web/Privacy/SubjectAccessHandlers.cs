using System.IO.Compression;
using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Privacy;

/// <summary>
/// The subject access export: everything held about one staff member, in every cycle, as one zip
/// archive: each conversation's details and status, timeline, sent notes, saved draft and record forms.
/// </summary>
public static class SubjectAccessHandlers
{
    static readonly JsonSerializerOptions Json = new(WebJson.Options) { WriteIndented = true };

    /// <summary>Answers <c>?staffNumber=</c> with a zip archive, or 404 when nothing is held.</summary>
    public static async Task<IResult> ExportAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        string staffNumber;
        try
        {
            staffNumber = ConversationIdentity.NormaliseStaffNumber(request.Query["staffNumber"].ToString());
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ArgumentErrors.MessageOf(ex));
        }

        var services = request.HttpContext.RequestServices;
        var cancellationToken = request.HttpContext.RequestAborted;
        var archive = new MemoryStream();
        var found = 0;
        using (var zip = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            var query = new OrchestrationQuery { FetchInputsAndOutputs = true, PageSize = 500 };
            await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            {
                if (!instance.InstanceId.EndsWith(":" + staffNumber, StringComparison.Ordinal)
                    || instance.ReadInputAs<ConversationInput>() is not { } input)
                {
                    continue;
                }

                found++;
                await AddConversationAsync(zip, services, instance, input, cancellationToken);
            }
        }

        if (found == 0)
        {
            return Problems.NotFound($"Nothing is held about staff number '{staffNumber}'.");
        }

        archive.Position = 0;
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(archive, "application/zip", $"careerconv-{staffNumber}.zip");
    }

    static async Task AddConversationAsync(
        ZipArchive zip, IServiceProvider services, OrchestrationMetadata instance, ConversationInput input, CancellationToken cancellationToken)
    {
        var folder = input.Cycle + "/";
        var status = instance.SerializedCustomStatus is { } json ? JsonSerializer.Deserialize<ConversationStatus>(json, WebJson.Options) : null;
        await AddJsonAsync(zip, folder + "conversation.json", new { input, runtimeStatus = instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt, status });
        var timeline = await services.GetRequiredService<ITimelineStore>().ReadAsync(input.InstanceId, cancellationToken);
        await AddJsonAsync(zip, folder + "timeline.json", timeline);
        if (await services.GetRequiredService<INotesDrafts>().ReadDraftAsync(input.ConversationId, cancellationToken) is { } draft)
        {
            await AddJsonAsync(zip, folder + "notes-draft.json", draft);
        }

        var documents = services.GetRequiredService<IDocumentStore>();
        await AddBlobAsync(zip, documents, status?.NotesBlobName, folder + "notes.json", cancellationToken);
        await AddBlobAsync(zip, documents, status?.RecordBlobName, folder + $"record-v{status?.RecordVersion}.pdf", cancellationToken);
    }

    static async Task AddJsonAsync(ZipArchive zip, string name, object value)
    {
        await using var entry = await zip.CreateEntry(name).OpenAsync();
        await JsonSerializer.SerializeAsync(entry, value, Json);
    }

    static async Task AddBlobAsync(ZipArchive zip, IDocumentStore documents, string? blobName, string name, CancellationToken cancellationToken)
    {
        if (blobName is null || await documents.OpenAsync(blobName, cancellationToken) is not { } content)
        {
            return;
        }

        await using (content)
        await using (var entry = await zip.CreateEntry(name).OpenAsync(cancellationToken))
        {
            await content.CopyToAsync(entry, cancellationToken);
        }
    }
}
