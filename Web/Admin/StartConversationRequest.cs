using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Web.Admin;

/// <summary>The body of a request that starts one conversation outside a roster import.</summary>
public sealed record StartConversationRequest(
    string? Cycle,
    string? Faculty,
    string? Department,
    StaffMember? Staff,
    Person? Reviewer = null,
    Person? LineManager = null);

/// <summary>The response to a started conversation. It names the status route, never an engine management URL.</summary>
public sealed record StartConversationResponse(string InstanceId, string ConversationId, string StatusUrl);
