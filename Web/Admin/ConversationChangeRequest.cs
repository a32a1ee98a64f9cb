using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Web.Admin;

/// <summary>What an administrator can change in a running conversation.</summary>
public enum ConversationChange
{
    ChangeReviewer,
    Withdraw,
    Pause,
    Resume,
    ExtendDeadline,
    RetryStep,
}

/// <summary>
/// The body of a change to one conversation. <see cref="SubmissionId"/> makes a repeated request
/// harmless: the conversation applies each submission id once. One is made when it is left out.
/// </summary>
public sealed record ConversationChangeRequest(
    string? Cycle,
    string? StaffNumber,
    ConversationChange? Change,
    Person? Reviewer = null,
    string? Reason = null,
    DeadlineKind? Deadline = null,
    int? WorkingDays = null,
    string? SubmissionId = null,
    string? ChangedBy = null);
