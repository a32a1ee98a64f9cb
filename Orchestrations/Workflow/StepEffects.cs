using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>The messages and timeline entries one orchestrator step produced, delivered by one activity call.</summary>
public sealed record StepEffects(
    string InstanceId, IReadOnlyList<OutgoingMessage> Messages, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>How many messages went out, and how many had already gone out under the same id.</summary>
public sealed record StepEffectsResult(int Sent, int AlreadySent);
