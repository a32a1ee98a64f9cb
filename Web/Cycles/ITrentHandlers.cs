using System.Globalization;
using System.Text;
using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Admin;
using CareerConv.Web.Routing;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Cycles;

/// <summary>One completed meeting as a coordinator enters it in iTrent.</summary>
public sealed record ITrentRow(string PersonReference, string Name, string DateOccurred, string ReviewType, string RecordLink);

/// <summary>A conversation whose meeting took place but that is not yet recorded in iTrent.</summary>
public sealed record UnrecordedMeeting(string StaffNumber, string Name, string Department, string Stage, DateTimeOffset MeetingAt, int DaysSinceMeeting);

/// <summary>
/// The iTrent side of a cycle: a CSV of completed meetings with the fields a coordinator enters, the
/// meetings not yet recorded, and the record download the CSV links to.
/// </summary>
public static class ITrentHandlers
{
    /// <summary>CSV of completed meetings: <c>?cycle=&amp;faculty=</c>, optionally <c>&amp;department=</c>.</summary>
    public static async Task<IResult> ExportAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = Scope(request);
        if (scope.Problem is not null)
        {
            return scope.Problem;
        }

        var services = request.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IConversationSettingsSource>();
        var rows = new List<ITrentRow>();
        await foreach (var conversation in Selected(client, scope, request.HttpContext.RequestAborted))
        {
            if (conversation.Status is not { Stage: ConversationStage.Completed, MeetingAt: { } meetingAt } status)
            {
                continue;
            }

            var input = conversation.Input;
            var conversationSettings = settings.Load(new LoadSettingsRequest(input.Faculty, input.Department, input.Cycle));
            var date = new ConversationCalendar(conversationSettings.Timing).LocalDate(meetingAt);
            rows.Add(new ITrentRow(input.Staff.StaffNumber, input.Staff.Name, date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                conversationSettings.ReviewType, status.RecordBlobName is null ? string.Empty : RecordLink(request, input)));
        }

        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"itrent-{scope.Cycle}-{scope.Faculty}.csv\"";
        return Results.Text(ToCsv(rows), "text/csv; charset=utf-8");
    }

    /// <summary>Meetings that took place but are not yet recorded in iTrent, oldest first.</summary>
    public static async Task<IResult> UnrecordedAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = Scope(request);
        if (scope.Problem is not null)
        {
            return scope.Problem;
        }

        var now = request.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var meetings = new List<UnrecordedMeeting>();
        await foreach (var conversation in Selected(client, scope, request.HttpContext.RequestAborted))
        {
            if (conversation.Status is { Stage: ConversationStage.RecordUpload or ConversationStage.Handoff, MeetingAt: { } meetingAt } status
                && meetingAt <= now)
            {
                meetings.Add(new UnrecordedMeeting(conversation.Input.Staff.StaffNumber, conversation.Input.Staff.Name,
                    conversation.Input.Department, status.Stage.ToString(), meetingAt, (int)(now - meetingAt).TotalDays));
            }
        }

        return Results.Json(meetings.OrderBy(m => m.MeetingAt).ToList(), WebJson.Options);
    }

    /// <summary>Downloads the latest record form of one conversation: <c>?cycle=&amp;staffNumber=</c>.</summary>
    public static async Task<IResult> RecordAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? cycle = request.Query["cycle"], staffNumber = request.Query["staffNumber"];
        var (instanceId, problem) = ConversationQueryValues.InstanceId(request);
        if (instanceId is null)
        {
            return problem!;
        }

        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        var status = instance?.SerializedCustomStatus is { } json
            ? System.Text.Json.JsonSerializer.Deserialize<ConversationStatus>(json, WebJson.Options)
            : null;
        if (status?.RecordBlobName is not { } blobName)
        {
            return Problems.NotFound($"No record form has been uploaded for staff number '{staffNumber}' in cycle '{cycle}'.");
        }

        var documents = request.HttpContext.RequestServices.GetRequiredService<IDocumentStore>();
        var content = await documents.OpenAsync(blobName, request.HttpContext.RequestAborted);
        if (content is null)
        {
            return Problems.NotFound($"The record form '{blobName}' is missing from storage.");
        }

        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, "application/pdf", $"record-{instanceId.Replace(':', '-')}-v{status.RecordVersion}.pdf");
    }

    static async IAsyncEnumerable<ConversationSummary> Selected(
        DurableTaskClient client, (string Cycle, string Faculty, string? Department, IResult? Problem) scope,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var conversation in CycleQuery.ConversationsAsync(client, scope.Cycle, cancellationToken))
        {
            var input = conversation.Input;
            if (string.Equals(input.Faculty, scope.Faculty, StringComparison.OrdinalIgnoreCase)
                && (scope.Department is null || string.Equals(input.Department, scope.Department, StringComparison.OrdinalIgnoreCase)))
            {
                yield return conversation;
            }
        }
    }

    static (string Cycle, string Faculty, string? Department, IResult? Problem) Scope(HttpRequest request)
    {
        string? cycle = request.Query["cycle"], faculty = request.Query["faculty"], department = request.Query["department"];
        if (string.IsNullOrWhiteSpace(cycle) || string.IsNullOrWhiteSpace(faculty))
        {
            return (string.Empty, string.Empty, null, Problems.BadRequest("The query must name 'cycle' and 'faculty', for example ?cycle=2026-autumn&faculty=SCI."));
        }

        return (cycle.Trim(), faculty.Trim(), string.IsNullOrWhiteSpace(department) ? null : department.Trim(), null);
    }

    static string RecordLink(HttpRequest request, ConversationInput input) =>
        $"{request.Scheme}://{request.Host}/api/admin/conversations/record?cycle={Uri.EscapeDataString(input.Cycle)}&staffNumber={Uri.EscapeDataString(input.Staff.StaffNumber)}";

    static string ToCsv(List<ITrentRow> rows)
    {
        var text = new StringBuilder();
        using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "Person Reference", "Name", "Date Occurred", "Review Type", "Record Link" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var row in rows.OrderBy(r => r.PersonReference, StringComparer.Ordinal))
        {
            csv.WriteField(row.PersonReference);
            csv.WriteField(row.Name);
            csv.WriteField(row.DateOccurred);
            csv.WriteField(row.ReviewType);
            csv.WriteField(row.RecordLink);
            csv.NextRecord();
        }

        csv.Flush();
        return text.ToString();
    }
}
