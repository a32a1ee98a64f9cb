namespace CareerConv.Orchestrations.Storage;

/// <summary>A staff member's reflection on the four elements.</summary>
public sealed record ReflectionNotes(string SelfAwareness, string Context, string ValuesAndAspirations, string GoalsAndPlans);

/// <summary>
/// Keeps the staff member's saved draft. Sent notes are stored through <see cref="IDocumentStore"/>
/// and referenced by the event; the draft stays here until it is sent.
/// </summary>
public interface INotesDrafts
{
    Task SaveDraftAsync(string conversationId, ReflectionNotes notes, CancellationToken cancellationToken = default);

    /// <summary>Returns the saved draft, or null when there is none.</summary>
    Task<ReflectionNotes?> ReadDraftAsync(string conversationId, CancellationToken cancellationToken = default);
}
