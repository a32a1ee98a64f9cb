namespace CareerConv.Orchestrations.Tests.Versioning;

/// <summary>
/// A test that re-records a history fixture. It runs only when the environment variable
/// <c>CAREERCONV_RECORD_HISTORY</c> is <c>1</c>, and is skipped otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RecordHistoryFactAttribute : FactAttribute
{
    public const string Variable = "CAREERCONV_RECORD_HISTORY";

    public RecordHistoryFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Re-records the history fixture; set {Variable}=1 to run it.";
        }
    }
}
