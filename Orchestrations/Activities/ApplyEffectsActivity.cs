using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Workflow;

namespace CareerConv.Orchestrations.Activities;

/// <summary>
/// Writes a step's timeline entries, then sends its messages in order. Running it twice is safe:
/// the sender skips message ids it has sent and the timeline skips entries it holds.
/// </summary>
public sealed class ApplyEffectsActivity(IMessageSender sender, ITimelineStore timeline, TimeProvider clock)
    : IWorkflowActivity<StepEffects, StepEffectsResult>
{
    public async Task<StepEffectsResult> RunAsync(StepEffects input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var entry in input.Timeline)
        {
            await timeline.AppendAsync(entry, cancellationToken);
        }

        int sent = 0, alreadySent = 0;
        foreach (var message in input.Messages)
        {
            if (!await sender.SendAsync(message, cancellationToken))
            {
                alreadySent++;
                continue;
            }

            sent++;
            var recipients = string.Join(", ", message.To.Select(r => r.Role));
            await timeline.AppendAsync(
                new TimelineEntry(input.InstanceId, clock.GetUtcNow(), TimelineEntryKind.MessageSent,
                    $"{message.Kind} sent to {recipients}", message.Id),
                cancellationToken);
        }

        return new StepEffectsResult(sent, alreadySent);
    }
}
