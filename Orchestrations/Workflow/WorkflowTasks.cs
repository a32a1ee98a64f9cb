using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Cycles;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>An activity's name and the class that implements it.</summary>
public sealed record ActivityDescriptor(string Name, Type ImplementationType);

/// <summary>
/// The one list of orchestrators and activities. The Functions app declares one <c>[Function]</c> per
/// entry and every other host registers from <see cref="Register"/>; a test checks the Functions app's
/// generated metadata against these lists.
/// </summary>
public static class WorkflowTasks
{
    public const string ConversationOrchestrator = nameof(ConversationOrchestrator);
    public const string LoadSettingsActivity = nameof(LoadSettingsActivity);
    public const string ApplyEffectsActivity = nameof(ApplyEffectsActivity);
    public const string CycleStartOrchestrator = nameof(CycleStartOrchestrator);
    public const string StartConversationBatchActivity = nameof(StartConversationBatchActivity);
    public const string ReviewerDigestActivity = nameof(ReviewerDigestActivity);

    public static IReadOnlyList<string> Orchestrators { get; } = [ConversationOrchestrator, CycleStartOrchestrator];

    public static IReadOnlyList<ActivityDescriptor> Activities { get; } =
    [
        new(LoadSettingsActivity, typeof(Activities.LoadSettingsActivity)),
        new(ApplyEffectsActivity, typeof(Activities.ApplyEffectsActivity)),
        new(StartConversationBatchActivity, typeof(Cycles.StartConversationBatchActivity)),
        new(ReviewerDigestActivity, typeof(Cycles.ReviewerDigestActivity)),
    ];

    /// <summary>Registers every orchestrator and activity with a Durable Task worker.</summary>
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestratorFunc<ConversationInput, ConversationOutcome>(
            ConversationOrchestrator, (context, input) => Workflow.ConversationOrchestrator.RunAsync(context, input));
        AddActivity<Activities.LoadSettingsActivity, LoadSettingsRequest, ConversationSettings>(registry, LoadSettingsActivity);
        AddActivity<Activities.ApplyEffectsActivity, StepEffects, StepEffectsResult>(registry, ApplyEffectsActivity);
        registry.AddOrchestratorFunc<CycleStartInput, CycleStartStatus>(
            CycleStartOrchestrator, (context, input) => Cycles.CycleStartOrchestrator.RunAsync(context, input));
        registry.AddActivity(StartConversationBatchActivity, services => new StartBatchAdapter(
            services.GetRequiredService<Cycles.StartConversationBatchActivity>(), services.GetRequiredService<DurableTaskClient>()));
        registry.AddActivity(ReviewerDigestActivity, services => new ReviewerDigestAdapter(
            services.GetRequiredService<Cycles.ReviewerDigestActivity>(), services.GetRequiredService<DurableTaskClient>()));
    }

    /// <summary>Registers the activity classes; hosts add the services they depend on.</summary>
    public static IServiceCollection AddWorkflowActivities(this IServiceCollection services)
    {
        foreach (var activity in Activities)
        {
            services.AddTransient(activity.ImplementationType);
        }

        return services;
    }

    /// <summary>Hands the batch activity the host's client, which the Functions app passes in as a binding instead.</summary>
    sealed class StartBatchAdapter(Cycles.StartConversationBatchActivity activity, DurableTaskClient client)
        : TaskActivity<StartBatchRequest, BatchOutcome>
    {
        public override Task<BatchOutcome> RunAsync(TaskActivityContext context, StartBatchRequest input) =>
            activity.RunAsync(input, client);
    }

    /// <summary>Hands the digest activity the host's client, which the Functions app passes in as a binding instead.</summary>
    sealed class ReviewerDigestAdapter(Cycles.ReviewerDigestActivity activity, DurableTaskClient client)
        : TaskActivity<ReviewerDigestRequest, int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, ReviewerDigestRequest input) =>
            activity.RunAsync(input, client);
    }

    static void AddActivity<TActivity, TInput, TOutput>(DurableTaskRegistry registry, string name)
        where TActivity : IWorkflowActivity<TInput, TOutput> =>
        registry.AddActivity(name, services =>
            new ActivityAdapter<TActivity, TInput, TOutput>(services.GetRequiredService<TActivity>()));
}
