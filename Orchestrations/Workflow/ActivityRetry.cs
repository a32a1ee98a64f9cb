using Microsoft.DurableTask;

namespace CareerConv.Orchestrations.Workflow;

/// <summary>
/// The retry policy of every activity call: bounded and exponential, 5 attempts over about 75 seconds
/// (5, 10, 20 and 40 seconds apart), so a short outage of mail or storage heals by itself and a longer
/// one leaves the conversation in a failed state that an administrator can retry.
/// </summary>
static class ActivityRetry
{
    public const int MaxAttempts = 5;

    public static TaskOptions Options { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: MaxAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));
}
