using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Privacy;
using CareerConv.Orchestrations.Storage;
using CareerConv.Web.Forms;

namespace CareerConv.Web.Privacy;

/// <summary>Erases a conversation from the in-memory stores; stores of other kinds are left to their own eraser.</summary>
public sealed class InMemoryConversationDataEraser(
    IDocumentStore documents, INotesDrafts drafts, ITimelineStore timeline, IConversationDirectory directory)
    : IConversationDataEraser
{
    public Task<int> EraseAsync(ConversationInput conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var items = 0;
        if (documents is InMemoryDocumentStore documentStore)
        {
            items += documentStore.RemoveConversation(conversation.ConversationId);
        }

        if (drafts is InMemoryNotesDrafts draftStore && draftStore.Remove(conversation.ConversationId))
        {
            items++;
        }

        if (timeline is InMemoryTimelineStore timelineStore)
        {
            items += timelineStore.Remove(conversation.InstanceId);
        }

        if (directory is InMemoryConversationDirectory directoryStore && directoryStore.Remove(conversation.ConversationId))
        {
            items++;
        }

        return Task.FromResult(items);
    }
}
