using CareerConv.Orchestrations.Contracts;
using System.Globalization;
using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Cycles;
using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Cycles;

/// <summary>Admin routes for whole cycles: roster import, its progress, and the cycle's progress.</summary>
public static class CycleAdminHandlers
{
    /// <summary>
    /// Imports the roster in the request body (CSV) for <c>?cycle=&amp;faculty=</c>; <c>&amp;strict=true</c>
    /// starts nothing while any row has a problem. Returns 202 with the import report when conversations
    /// are being started, 200 when nothing was started, and 422 when the file cannot be read.
    /// </summary>
    public static async Task<IResult> ImportAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? cycle = request.Query["cycle"], faculty = request.Query["faculty"];
        if (string.IsNullOrWhiteSpace(cycle) || string.IsNullOrWhiteSpace(faculty))
        {
            return Problems.BadRequest("The query must name 'cycle' and 'faculty', for example ?cycle=2026-autumn&faculty=SCI.");
        }

        if (!TryParseStrict(request.Query["strict"], out var strict))
        {
            return Problems.BadRequest($"'strict' is '{request.Query["strict"]}'; use true or false.");
        }

        var importer = request.HttpContext.RequestServices.GetRequiredService<RosterImporter>();
        RosterImportResult result;
        try
        {
            result = await importer.ImportAsync(
                request.Body, new RosterImportRequest(cycle, faculty, strict), client, request.HttpContext.RequestAborted);
        }
        catch (RosterFormatException ex)
        {
            return Problems.Unprocessable(ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Problems.Unprocessable(ArgumentErrors.MessageOf(ex));
        }

        if (result.CycleInstanceId is null)
        {
            return Results.Json(result, WebJson.Options);
        }

        var progressUrl = $"/api/admin/cycles/import/status?importId={Uri.EscapeDataString(result.ImportId)}";
        return Results.Json(result, WebJson.Options, statusCode: StatusCodes.Status202Accepted)
            .WithLocation(progressUrl);
    }

    /// <summary>The progress of one import's cycle orchestration: <c>?importId=</c>.</summary>
    public static async Task<IResult> ImportStatusAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? importId = request.Query["importId"];
        if (string.IsNullOrWhiteSpace(importId))
        {
            return Problems.BadRequest("The query must name 'importId', as returned by the import.");
        }

        var status = await CycleQuery.ImportProgressAsync(client, importId, request.HttpContext.RequestAborted);
        return status is null
            ? Problems.NotFound($"No import has the id '{importId}'.")
            : Results.Json(status, WebJson.Options);
    }

    /// <summary>The progress of a cycle as JSON: <c>?cycle=</c>, optionally <c>&amp;faculty=</c> and <c>&amp;department=</c>.</summary>
    public static async Task<IResult> ProgressAsync(HttpRequest request, DurableTaskClient client)
    {
        var report = await ReportAsync(request, client);
        return report.Report is { } value ? Results.Json(value, WebJson.Options) : report.Problem!;
    }

    /// <summary>The same progress as an HTML page.</summary>
    public static async Task<IResult> ProgressPageAsync(HttpRequest request, DurableTaskClient client)
    {
        var report = await ReportAsync(request, client);
        return report.Report is { } value
            ? Results.Content(ProgressPage.Render(value), "text/html; charset=utf-8")
            : report.Problem!;
    }

    static async Task<(CycleProgressReport? Report, IResult? Problem)> ReportAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? cycle = request.Query["cycle"], faculty = request.Query["faculty"], department = request.Query["department"];
        if (string.IsNullOrWhiteSpace(cycle))
        {
            return (null, Problems.BadRequest("The query must name 'cycle', for example ?cycle=2026-autumn&faculty=SCI."));
        }

        var services = request.HttpContext.RequestServices;
        var conversations = new List<ConversationSummary>();
        await foreach (var conversation in CycleQuery.ConversationsAsync(client, cycle, request.HttpContext.RequestAborted))
        {
            conversations.Add(conversation);
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var settings = services.GetRequiredService<IConversationSettingsSource>();
        return (CycleProgress.Build(cycle, NullIfEmpty(faculty), NullIfEmpty(department), conversations, settings, now), null);
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static bool TryParseStrict(string? value, out bool strict)
    {
        strict = false;
        return string.IsNullOrEmpty(value) || bool.TryParse(value, out strict);
    }

    static IResult WithLocation(this IResult result, string location) => new LocatedResult(result, location);

    sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }

    internal static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
