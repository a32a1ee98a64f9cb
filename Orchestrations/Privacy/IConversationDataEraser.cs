using CareerConv.Orchestrations.Contracts;

namespace CareerConv.Orchestrations.Privacy;

/// <summary>
/// Deletes everything held about one conversation outside the engine: notes, drafts, record forms,
/// the timeline and the directory entry. The engine's history is purged separately.
/// </summary>
public interface IConversationDataEraser
{
    /// <summary>Deletes the conversation's data and returns how many items were deleted.</summary>
    Task<int> EraseAsync(ConversationInput conversation, CancellationToken cancellationToken = default);
}
