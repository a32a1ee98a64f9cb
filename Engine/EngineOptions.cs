using System.ComponentModel.DataAnnotations;

namespace CareerConv.Engine;

/// <summary>
/// Settings every host applies to its Durable Task engine, bound from the <c>CareerConv:Engine</c>
/// configuration section.
/// </summary>
public sealed class EngineOptions
{
    public const string SectionName = "CareerConv:Engine";

    /// <summary>
    /// The longest single durable timer. Longer waits are split into timers of this length, so a
    /// backend with a limit on timer length still works. The Functions app and the local host use
    /// the same value.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "6.00:00:00")]
    public TimeSpan MaximumTimerInterval { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Orchestration work items that run at once in the in-process engine.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentOrchestrations { get; set; } = 1_000;

    /// <summary>Activity work items that run at once in the in-process engine.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentActivities { get; set; } = 1_000;
}
