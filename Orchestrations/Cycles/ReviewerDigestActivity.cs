using System.Text.Json;
using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask.Client;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>One department digest to send: the first request, a reminder or the escalation.</summary>
public sealed record ReviewerDigestRequest(
    string ImportId, string Cycle, string Faculty, string Department, int BatchCount,
    MessageKind Kind, int Ordinal, DateTimeOffset Deadline);

/// <summary>
/// Sends the Head of Department one email for the department listing every staff member of an import
/// who still has no reviewer, instead of one email per staff member. Returns how many it listed; none
/// are listed, and nothing is sent, once every reviewer is named.
/// </summary>
public sealed class ReviewerDigestActivity(IImportBatches batches, IConversationSettingsSource settings, IMessageSender sender, TimeProvider clock)
{
    // Every role's link version before any change, as the conversation state starts it.
    const int InitialTokenVersion = 1;

    static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<int> RunAsync(ReviewerDigestRequest input, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(client);
        var waiting = new List<(ConversationInput Input, ConversationStatus? Status)>();
        for (var batch = 0; batch < input.BatchCount; batch++)
        {
            foreach (var conversation in await batches.ReadAsync(input.ImportId, batch, cancellationToken))
            {
                if (conversation.Reviewer is not null
                    || !string.Equals(conversation.Department, input.Department, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var instance = await client.GetInstanceAsync(conversation.InstanceId, getInputsAndOutputs: true, cancellationToken);
                if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending })
                {
                    continue;
                }

                // A conversation that has not published a status yet is still reading its settings, so it
                // is waiting for a reviewer too.
                var status = instance.SerializedCustomStatus is { } json
                    ? JsonSerializer.Deserialize<ConversationStatus>(json, StatusJson)
                    : null;
                if (status is null || status.Stage == ConversationStage.ReviewerAssignment)
                {
                    waiting.Add((conversation, status));
                }
            }
        }

        if (waiting.Count == 0)
        {
            return 0;
        }

        waiting.Sort((a, b) => string.CompareOrdinal(a.Input.Staff.Name, b.Input.Staff.Name));
        await sender.SendAsync(Digest(input, waiting), cancellationToken);
        return waiting.Count;
    }

    OutgoingMessage Digest(ReviewerDigestRequest input, List<(ConversationInput Input, ConversationStatus? Status)> waiting)
    {
        var first = waiting[0];
        var conversationSettings = settings.Load(new LoadSettingsRequest(input.Faculty, input.Department, input.Cycle));
        var to = input.Kind == MessageKind.Escalation
            ? EscalationRecipients(conversationSettings)
            : [new Recipient(ActorRole.HeadOfDepartment, conversationSettings.HeadOfDepartment)];
        var id = $"{CycleStartIds.For(input.ImportId)}/{input.Department}/{input.Kind}/{input.Ordinal}";
        var linkRole = input.Kind == MessageKind.Escalation ? (ActorRole?)null : ActorRole.HeadOfDepartment;
        return new OutgoingMessage(
            id, input.Kind, first.Input.InstanceId, first.Input.ConversationId, to, [],
            first.Input.Staff, null, input.Faculty, input.Department, conversationSettings.Timing.TimeZoneId,
            input.Deadline, DeadlineKind.ReviewerAssignment, null, linkRole,
            first.Status?.TokenVersions.GetValueOrDefault(ActorRole.HeadOfDepartment) ?? InitialTokenVersion, clock.GetUtcNow(),
            [.. waiting.Select(w => w.Input.Staff)]);
    }

    static Recipient[] EscalationRecipients(ConversationSettings settings) =>
    [
        .. settings.Timing.EscalateTo
            .Select(role => role switch
            {
                ActorRole.HeadOfDepartment => new Recipient(role, settings.HeadOfDepartment),
                ActorRole.Coordinator when settings.Coordinator is { } coordinator => new Recipient(role, coordinator),
                _ => null,
            })
            .OfType<Recipient>()
            .DistinctBy(r => r.Person.Email, StringComparer.OrdinalIgnoreCase),
    ];
}
