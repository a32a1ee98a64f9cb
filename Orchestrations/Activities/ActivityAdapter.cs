using Microsoft.DurableTask;

namespace CareerConv.Orchestrations.Activities;

/// <summary>Runs a <see cref="IWorkflowActivity{TInput, TOutput}"/> as a Durable Task activity.</summary>
sealed class ActivityAdapter<TActivity, TInput, TOutput>(TActivity activity) : TaskActivity<TInput, TOutput>
    where TActivity : IWorkflowActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => activity.RunAsync(input);
}
