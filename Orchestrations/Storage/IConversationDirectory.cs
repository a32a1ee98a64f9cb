namespace CareerConv.Orchestrations.Storage;

/// <summary>Maps the opaque conversation ids in links to orchestration instance ids.</summary>
public interface IConversationDirectory
{
    /// <summary>Records a mapping; recording the same pair again is allowed, a different pair is rejected.</summary>
    Task RegisterAsync(string conversationId, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Returns the instance id, or null when the conversation id is unknown.</summary>
    Task<string?> FindInstanceIdAsync(string conversationId, CancellationToken cancellationToken = default);
}
