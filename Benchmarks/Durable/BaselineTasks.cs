using Microsoft.DurableTask;

namespace CareerConv.Benchmarks.Durable;

/// <summary>
/// The engine's ceiling to compare the cycle with: an orchestration that calls one trivial activity
/// five times in sequence, so each instance takes 6 orchestration and 5 activity work items.
/// </summary>
static class BaselineTasks
{
    public const string Orchestrator = "BaselineOrchestrator";
    public const string Activity = "BaselineActivity";
    public const int ActivityCalls = 5;

    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<int, int>(Orchestrator, (context, input) => RunAsync(context, input));
        registry.AddActivityFunc<int, int>(Activity, (_, value) => value + 1);
    }

    static async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var value = input;
        for (var i = 0; i < ActivityCalls; i++)
        {
            value = await context.CallActivityAsync<int>(Activity, value);
        }

        return value;
    }
}
