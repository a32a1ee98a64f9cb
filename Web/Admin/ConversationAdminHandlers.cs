using System.Text.Json;
using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Cycles;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Admin;

/// <summary>Admin routes that start a single conversation and read its status.</summary>
public static class ConversationAdminHandlers
{
    public static async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client)
    {
        var body = await WebJson.ReadBodyAsync<StartConversationRequest>(request);
        var errors = StartConversationValidator.Validate(body);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var input = StartConversationValidator.ToInput(body!);
        var settings = request.HttpContext.RequestServices.GetRequiredService<IConversationSettingsSource>();
        try
        {
            // The conversation reads its settings again when it starts; this check only turns an
            // unknown faculty or department into a 422 now instead of a failed conversation later.
            settings.Load(new LoadSettingsRequest(input.Faculty, input.Department, input.Cycle));
        }
        catch (KeyNotFoundException ex)
        {
            return Problems.Unprocessable(ex.Message);
        }

        var directory = request.HttpContext.RequestServices.GetRequiredService<IConversationDirectory>();
        await directory.RegisterAsync(input.ConversationId, input.InstanceId, request.HttpContext.RequestAborted);
        var options = new StartOrchestrationOptions(input.InstanceId).WithDedupeStatuses(ConversationStarts.RejectWhen);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                WorkflowTasks.ConversationOrchestrator, input, options, request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (EngineErrors.IsAlreadyExists(ex))
        {
            return Problems.Conflict(
                $"A conversation for staff number '{input.Staff.StaffNumber}' in cycle '{input.Cycle}' already exists.");
        }

        var statusUrl = StatusUrl(input.InstanceId);
        return Results.Accepted(statusUrl, new StartConversationResponse(input.InstanceId, input.ConversationId, statusUrl));
    }

    public static async Task<IResult> GetStatusAsync(HttpRequest request, DurableTaskClient client)
    {
        string? cycle = request.Query["cycle"], staffNumber = request.Query["staffNumber"];
        var (instanceId, problem) = ConversationQueryValues.InstanceId(request);
        if (instanceId is null)
        {
            return problem!;
        }

        var instance = await client.GetInstanceAsync(
            instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        if (instance is null)
        {
            return Problems.NotFound($"No conversation exists for staff number '{staffNumber}' in cycle '{cycle}'.");
        }

        var status = instance.SerializedCustomStatus is { } json
            ? JsonSerializer.Deserialize<ConversationStatus>(json, WebJson.Options)
            : null;
        return Results.Json(
            new { instanceId, runtimeStatus = instance.RuntimeStatus.ToString(), status }, WebJson.Options);
    }

    static string StatusUrl(string instanceId)
    {
        var separator = instanceId.IndexOf(':', StringComparison.Ordinal);
        var cycle = Uri.EscapeDataString(instanceId[..separator]);
        var staffNumber = Uri.EscapeDataString(instanceId[(separator + 1)..]);
        return $"/api/admin/conversations/status?cycle={cycle}&staffNumber={staffNumber}";
    }
}
