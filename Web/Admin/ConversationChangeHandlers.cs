using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Admin;

/// <summary>Admin routes that change a running conversation and read its audit timeline.</summary>
public static class ConversationChangeHandlers
{
    const int MaxWorkingDays = 130;

    /// <summary>Raises the administrative event for a change; the conversation records it in its timeline.</summary>
    public static async Task<IResult> ChangeAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await WebJson.ReadBodyAsync<ConversationChangeRequest>(request);
        if (body is null)
        {
            return Problems.BadRequest("The request body is missing; send cycle, staffNumber and change.");
        }

        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var instanceId = ConversationIdentity.InstanceId(body.Cycle!, body.StaffNumber!);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, request.HttpContext.RequestAborted);
        if (instance is null)
        {
            return Problems.NotFound($"No conversation exists for staff number '{body.StaffNumber}' in cycle '{body.Cycle}'.");
        }

        if (instance.IsCompleted)
        {
            return Problems.Conflict($"The conversation for staff number '{body.StaffNumber}' has ended ({instance.RuntimeStatus}); it cannot change.");
        }

        var (name, payload) = ToEvent(body);
        await client.RaiseEventAsync(instanceId, name, payload, request.HttpContext.RequestAborted);
        return Results.Accepted(value: new { instanceId, @event = name, payload.SubmissionId });
    }

    /// <summary>The audit timeline of one conversation: <c>?cycle=&amp;staffNumber=</c>.</summary>
    public static async Task<IResult> TimelineAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? cycle = request.Query["cycle"], staffNumber = request.Query["staffNumber"];
        var (instanceId, problem) = ConversationQueryValues.InstanceId(request);
        if (instanceId is null)
        {
            return problem!;
        }

        var timeline = request.HttpContext.RequestServices.GetRequiredService<ITimelineStore>();
        var entries = await timeline.ReadAsync(instanceId, request.HttpContext.RequestAborted);
        return entries.Count == 0
            ? Problems.NotFound($"No timeline exists for staff number '{staffNumber}' in cycle '{cycle}'.")
            : Results.Json(new { instanceId, entries }, WebJson.Options);
    }

    static Dictionary<string, string[]> Validate(ConversationChangeRequest body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            ConversationIdentity.InstanceId(body.Cycle ?? string.Empty, body.StaffNumber ?? string.Empty);
        }
        catch (ArgumentException ex)
        {
            errors["cycle"] = [ArgumentErrors.MessageOf(ex)];
        }

        switch (body.Change)
        {
            case null:
                errors["change"] = [$"Missing; use one of {string.Join(", ", Enum.GetNames<ConversationChange>())}."];
                break;
            case ConversationChange.ChangeReviewer when body.Reviewer is null || !EmailAddress.IsValid(body.Reviewer.Email?.Trim())
                || string.IsNullOrWhiteSpace(body.Reviewer.Name):
                errors["reviewer"] = ["A reviewer change needs the new reviewer's name and a valid email address."];
                break;
            case ConversationChange.ExtendDeadline when body.Deadline is null || body.WorkingDays is not (>= 1 and <= MaxWorkingDays):
                errors["workingDays"] = [$"An extension needs 'deadline' (one of {string.Join(", ", Enum.GetNames<DeadlineKind>())}) and 'workingDays' from 1 to {MaxWorkingDays}."];
                break;
        }

        if (body.Change is ConversationChange.ChangeReviewer or ConversationChange.Withdraw or ConversationChange.Pause
            or ConversationChange.ExtendDeadline && string.IsNullOrWhiteSpace(body.Reason))
        {
            errors["reason"] = ["Missing; give the reason, which the audit timeline records."];
        }

        return errors;
    }

    static (string Name, IConversationEvent Payload) ToEvent(ConversationChangeRequest body)
    {
        var submissionId = string.IsNullOrWhiteSpace(body.SubmissionId) ? $"admin/{Guid.NewGuid():N}" : body.SubmissionId.Trim();
        var actor = new Actor(ActorRole.Admin, string.IsNullOrWhiteSpace(body.ChangedBy) ? null : body.ChangedBy.Trim());
        var reason = body.Reason?.Trim() ?? string.Empty;
        return body.Change switch
        {
            ConversationChange.ChangeReviewer => (ConversationEvents.ReviewerChanged,
                new ReviewerChangedEvent(submissionId, actor, new Person(body.Reviewer!.Name.Trim(), body.Reviewer.Email.Trim()), reason)),
            ConversationChange.Withdraw => (ConversationEvents.Withdrawn, new WithdrawnEvent(submissionId, actor, reason)),
            ConversationChange.Pause => (ConversationEvents.Paused, new PausedEvent(submissionId, actor, reason)),
            ConversationChange.Resume => (ConversationEvents.Resumed, new ResumedEvent(submissionId, actor)),
            ConversationChange.ExtendDeadline => (ConversationEvents.DeadlineExtended,
                new DeadlineExtendedEvent(submissionId, actor, body.Deadline!.Value, body.WorkingDays!.Value, reason)),
            _ => (ConversationEvents.RetryStep, new RetryStepEvent(submissionId, actor)),
        };
    }
}
