using CareerConv.Orchestrations.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>
/// One career conversation, from reviewer assignment to the iTrent handoff. The orchestrator loops:
/// it recomputes the schedule from the state, publishes the status, then waits for whichever comes
/// first, an event or the next alarm. The timer that loses is cancelled, so the conversation ends as
/// soon as its last event arrives.
/// </summary>
public static partial class ConversationOrchestrator
{
    public static async Task<ConversationOutcome> RunAsync(TaskOrchestrationContext context, ConversationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger(typeof(ConversationOrchestrator));
        var settings = await context.CallActivityAsync<ConversationSettings>(
            WorkflowTasks.LoadSettingsActivity,
            new LoadSettingsRequest(input.Faculty, input.Department, input.Cycle),
            ActivityRetry.Options);

        var state = new ConversationState(input, settings, Now(context));
        var steps = new ConversationSteps(state);
        var events = new ConversationEventWaiter(context);
        steps.Start(state.StartedAt);
        LogStarted(logger, input.InstanceId);

        while (true)
        {
            await DeliverEffectsAsync(context, state, logger);
            if (!state.IsActive && state.PendingMessages.Count == 0 && state.PendingTimeline.Count == 0)
            {
                break;
            }

            await NextStepAsync(context, state, steps, events);
        }

        SetStatus(context, state, nextDeadline: null);
        LogEnded(logger, input.InstanceId, state.Stage);
        return new ConversationOutcome(state.Stage, state.EndReason);
    }

    /// <summary>Waits for the next event or alarm and applies it.</summary>
    static async Task NextStepAsync(
        TaskOrchestrationContext context, ConversationState state, ConversationSteps steps, ConversationEventWaiter events)
    {
        var planner = new ConversationPlanner(state);
        var deadlines = planner.OpenDeadlines();
        // While paused no deadline runs, so the status shows none until the conversation resumes.
        var showDeadline = deadlines.Count > 0 && state.PausedAt is null;
        SetStatus(context, state, showDeadline ? deadlines.MinBy(d => d.Value) : null);

        // While paused or failed, only events move the conversation; no reminder or deadline fires.
        var alarm = state.PausedAt is null && state.Failure is null && planner.PendingAlarms() is [var next, ..] ? next : null;
        if (alarm is not null && alarm.At <= Now(context))
        {
            steps.Fire(alarm, Now(context));
            return;
        }

        using var timerCancellation = new CancellationTokenSource();
        Func<Task>? createTimer = alarm is null
            ? null
            : () => context.CreateTimer(alarm.At.UtcDateTime, timerCancellation.Token);
        var received = await events.WaitAsync(createTimer);
        if (received is null)
        {
            steps.Fire(alarm!, Now(context));
            return;
        }

        // Cancel synchronously: CancelAsync runs its callbacks on the thread pool, outside the
        // orchestrator's replay scheduler, and the step would end before the cancelled timer is seen.
#pragma warning disable CA1849
        timerCancellation.Cancel();
#pragma warning restore CA1849
        Accept(state, steps, received.Value.Name, received.Value.Payload, Now(context));
    }

    /// <summary>Applies an event once per submission id, and only in a stage that accepts it.</summary>
    static void Accept(ConversationState state, ConversationSteps steps, string name, IConversationEvent payload, DateTimeOffset now)
    {
        var reference = $"{name}/{payload.SubmissionId}";
        if (!state.SubmissionIds.Add(payload.SubmissionId))
        {
            steps.Effects.Timeline(now, TimelineEntryKind.DuplicateIgnored, $"{name} repeated; ignored", reference);
            return;
        }

        var retryAfterFailure = name == ConversationEvents.RetryStep && state.Failure is not null;
        if (!StageRules.Accepts(state.Stage, name) && !retryAfterFailure)
        {
            steps.Effects.Timeline(now, TimelineEntryKind.EventIgnored, $"{name} not accepted in stage {state.Stage}", reference);
            return;
        }

        steps.Effects.Timeline(now, TimelineEntryKind.EventAccepted, $"{name} from {payload.Actor.Role}", reference);
        steps.Apply(payload, now);
    }

    static async Task DeliverEffectsAsync(TaskOrchestrationContext context, ConversationState state, ILogger logger)
    {
        if (state.PendingMessages.Count == 0 && state.PendingTimeline.Count == 0)
        {
            return;
        }

        var effects = new StepEffects(state.Input.InstanceId, [.. state.PendingMessages], [.. state.PendingTimeline]);
        try
        {
            await context.CallActivityAsync<StepEffectsResult>(WorkflowTasks.ApplyEffectsActivity, effects, ActivityRetry.Options);
            state.PendingMessages.Clear();
            state.PendingTimeline.Clear();
        }
        catch (TaskFailedException ex)
        {
            // The effects stay queued; a RetryStep event delivers them again, and message ids stop
            // anything already sent from going twice.
            state.Failure = $"Delivering messages failed after {ActivityRetry.MaxAttempts} attempts: {ex.FailureDetails.ErrorMessage}";
            LogStepFailed(logger, state.Input.InstanceId, state.Failure);
        }
    }

    static void SetStatus(TaskOrchestrationContext context, ConversationState state, KeyValuePair<DeadlineKind, DateTimeOffset>? nextDeadline) =>
        context.SetCustomStatus(new ConversationStatus(
            state.Stage, state.Reflection, nextDeadline?.Value, nextDeadline?.Key, state.Revision,
            new Dictionary<ActorRole, int>(state.TokenVersions), state.MeetingAt, state.PausedAt is not null, state.Failure,
            state.Reviewer, state.MeetingLocation, state.NotesBlobName, state.RecordBlobName, state.RecordVersion));

    static DateTimeOffset Now(TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Conversation {InstanceId} started")]
    private static partial void LogStarted(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Conversation {InstanceId} ended in stage {Stage}")]
    private static partial void LogEnded(ILogger logger, string instanceId, ConversationStage stage);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Conversation {InstanceId} step failed: {Failure}")]
    private static partial void LogStepFailed(ILogger logger, string instanceId, string failure);
}
