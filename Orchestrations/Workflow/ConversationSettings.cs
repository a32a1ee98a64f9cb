using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Timing;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>
/// The faculty's timing and the department's contacts, read once by an activity when a conversation
/// starts. The orchestrator keeps this copy, so later settings changes do not alter it.
/// </summary>
/// <param name="Coordinator">Null where the department has none; the roster's line manager then does the handoff.</param>
public sealed record ConversationSettings(
    TimingSnapshot Timing,
    Person HeadOfDepartment,
    Person? Coordinator,
    int ReviewerCap,
    string ReviewType);

/// <summary>The request to read a conversation's settings.</summary>
public sealed record LoadSettingsRequest(string Faculty, string Department, string Cycle);

/// <summary>How a conversation ended.</summary>
public sealed record ConversationOutcome(ConversationStage Stage, string? Reason);
