namespace CareerConv.Orchestrations.Activities;

/// <summary>
/// An activity's logic, free of any host: the Functions app calls it from an <c>[ActivityTrigger]</c>
/// function and the engine kit through <see cref="ActivityAdapter{TActivity, TInput, TOutput}"/>.
/// </summary>
public interface IWorkflowActivity<TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken = default);
}
