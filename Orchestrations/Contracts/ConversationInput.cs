namespace CareerConv.Orchestrations.Contracts;

/// <summary>The staff member a conversation is for. Staff numbers stay strings.</summary>
public sealed record StaffMember(string StaffNumber, string Name, string Email);

/// <summary>
/// What a conversation starts from: who it is for, where they sit, and the people the roster names.
/// The faculty's timing is not here: an activity reads it once when the conversation starts.
/// </summary>
/// <param name="InstanceId">The orchestration instance id, from <see cref="ConversationIdentity.InstanceId"/>.</param>
/// <param name="ConversationId">The opaque id that link tokens carry, from <see cref="ConversationIds.New"/>.</param>
/// <param name="Reviewer">The reviewer from the roster; when null the Head of Department is asked.</param>
/// <param name="LineManager">Handles the iTrent handoff where the department has no coordinator.</param>
/// <param name="ReviewerRequestedByCycle">
/// True when a roster import's cycle asks the Head of Department for reviewers in one digest email per
/// department; the conversation then sends no reviewer request, reminder or escalation of its own.
/// </param>
public sealed record ConversationInput(
    string InstanceId,
    string ConversationId,
    string Cycle,
    string Faculty,
    string Department,
    StaffMember Staff,
    Person? Reviewer = null,
    Person? LineManager = null,
    bool ReviewerRequestedByCycle = false);
