using CareerConv.Orchestrations.Workflow;

namespace CareerConv.Orchestrations.Activities;

/// <summary>Reads the faculty's timing and the department's contacts once, when a conversation starts.</summary>
public sealed class LoadSettingsActivity(IConversationSettingsSource source)
    : IWorkflowActivity<LoadSettingsRequest, ConversationSettings>
{
    public Task<ConversationSettings> RunAsync(LoadSettingsRequest input, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.Load(input));
}

/// <summary>Where conversation settings come from: configuration in every host.</summary>
public interface IConversationSettingsSource
{
    /// <summary>
    /// Returns the settings, or throws naming an unknown faculty or department or an invalid cycle name. A valid
    /// cycle name that names no window of the faculty gets an off-cycle window that opens on the start date.
    /// </summary>
    ConversationSettings Load(LoadSettingsRequest request);
}
