namespace CareerConv.Engine;

/// <summary>What the virtual clock needs to see of the engine: its work and its held timers.</summary>
interface IEngineActivity
{
    Task WaitForIdleAsync(CancellationToken cancellationToken);

    DateTime? NextHeldTimer { get; }

    Task ReleaseTimersAsync(DateTime dueBy);
}
