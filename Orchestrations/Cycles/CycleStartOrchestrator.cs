using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>
/// Starts the conversations of one roster import, batch by batch, so a cycle of 10,000 staff is a
/// short history of batch results rather than 10,000 starts in one orchestration. Its custom status
/// shows the progress after every batch.
/// </summary>
public static class CycleStartOrchestrator
{
    public static async Task<CycleStartStatus> RunAsync(TaskOrchestrationContext context, CycleStartInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = new CycleStartStatus(input.Total, input.BatchCount, 0, 0, 0, 0);
        context.SetCustomStatus(status);
        for (var batch = 0; batch < input.BatchCount; batch++)
        {
            var outcome = await context.CallActivityAsync<BatchOutcome>(
                WorkflowTasks.StartConversationBatchActivity,
                new StartBatchRequest(input.ImportId, input.Cycle, batch),
                ActivityRetry.Options);
            status = status with
            {
                BatchesDone = batch + 1,
                Started = status.Started + outcome.Started,
                AlreadyStarted = status.AlreadyStarted + outcome.AlreadyStarted,
                Failed = status.Failed + outcome.Failed,
            };
            context.SetCustomStatus(status);
        }

        await SendDigestsAsync(context, input);
        return status;
    }

    /// <summary>
    /// Asks each department's Head of Department for reviewers in one email, reminds them on the
    /// faculty's reminder days while anyone is still without a reviewer, and escalates at the deadline.
    /// </summary>
    static async Task SendDigestsAsync(TaskOrchestrationContext context, CycleStartInput input)
    {
        var alarms = new List<(DateTimeOffset At, string Department, MessageKind Kind, int Ordinal, DateTimeOffset Deadline)>();
        var now = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
        foreach (var department in input.DepartmentsWithoutReviewer ?? [])
        {
            var settings = await context.CallActivityAsync<ConversationSettings>(
                WorkflowTasks.LoadSettingsActivity, new LoadSettingsRequest(input.Faculty, department, input.Cycle), ActivityRetry.Options);
            var calendar = new ConversationCalendar(settings.Timing);
            var opens = calendar.CycleOpens > now ? calendar.CycleOpens : now;
            var deadline = calendar.DeadlineAfter(opens, settings.Timing.ReviewerAssignmentWorkingDays);
            alarms.Add((now, department, MessageKind.ReviewerRequest, 1, deadline));
            var reminders = calendar.Reminders(deadline, now);
            for (var i = 0; i < reminders.Count; i++)
            {
                alarms.Add((reminders[i], department, MessageKind.ReviewerRequestReminder, i + 1, deadline));
            }

            alarms.Add((deadline, department, MessageKind.Escalation, 1, deadline));
        }

        var settled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var alarm in alarms.OrderBy(a => a.At).ThenBy(a => a.Department, StringComparer.Ordinal))
        {
            if (settled.Contains(alarm.Department))
            {
                continue;
            }

            if (alarm.At > new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)))
            {
                await context.CreateTimer(alarm.At.UtcDateTime, CancellationToken.None);
            }

            var listed = await context.CallActivityAsync<int>(
                WorkflowTasks.ReviewerDigestActivity,
                new ReviewerDigestRequest(input.ImportId, input.Cycle, input.Faculty, alarm.Department, input.BatchCount,
                    alarm.Kind, alarm.Ordinal, alarm.Deadline),
                ActivityRetry.Options);
            if (listed == 0)
            {
                settled.Add(alarm.Department);
            }
        }
    }
}
