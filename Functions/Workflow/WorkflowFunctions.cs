using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Cycles;
using CareerConv.Orchestrations.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Functions.Workflow;

/// <summary>
/// One function per entry of <see cref="WorkflowTasks"/>. Each delegates to the orchestrator or the
/// activity class that every other host registers too.
/// </summary>
public static class WorkflowFunctions
{
    [Function(WorkflowTasks.ConversationOrchestrator)]
    public static Task<ConversationOutcome> ConversationOrchestrator(
        [OrchestrationTrigger] TaskOrchestrationContext context) =>
        Orchestrations.Workflow.ConversationOrchestrator.RunAsync(context, context.GetInput<ConversationInput>()!);

    [Function(WorkflowTasks.LoadSettingsActivity)]
    public static Task<ConversationSettings> LoadSettings(
        [ActivityTrigger] LoadSettingsRequest input, FunctionContext context) =>
        Activity<LoadSettingsActivity>(context).RunAsync(input, context.CancellationToken);

    [Function(WorkflowTasks.ApplyEffectsActivity)]
    public static Task<StepEffectsResult> ApplyEffects(
        [ActivityTrigger] StepEffects input, FunctionContext context) =>
        Activity<ApplyEffectsActivity>(context).RunAsync(input, context.CancellationToken);

    [Function(WorkflowTasks.CycleStartOrchestrator)]
    public static Task<CycleStartStatus> CycleStartOrchestrator(
        [OrchestrationTrigger] TaskOrchestrationContext context) =>
        Orchestrations.Cycles.CycleStartOrchestrator.RunAsync(context, context.GetInput<CycleStartInput>()!);

    [Function(WorkflowTasks.StartConversationBatchActivity)]
    public static Task<BatchOutcome> StartConversationBatch(
        [ActivityTrigger] StartBatchRequest input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        Activity<StartConversationBatchActivity>(context).RunAsync(input, client, context.CancellationToken);

    [Function(WorkflowTasks.ReviewerDigestActivity)]
    public static Task<int> ReviewerDigest(
        [ActivityTrigger] ReviewerDigestRequest input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        Activity<ReviewerDigestActivity>(context).RunAsync(input, client, context.CancellationToken);

    static T Activity<T>(FunctionContext context)
        where T : notnull => context.InstanceServices.GetRequiredService<T>();
}
