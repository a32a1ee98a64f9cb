using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CareerConv.Benchmarks.Side;

/// <summary>A Durable Task client that records the orchestrations it is asked to start and supports nothing else.</summary>
sealed class RecordingClient() : DurableTaskClient("recording")
{
    public List<(TaskName Name, object? Input)> Started { get; } = [];

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        Started.Add((orchestratorName, input));
        return Task.FromResult(options?.InstanceId ?? Guid.NewGuid().ToString("N"));
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw Unsupported();

    public override Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw Unsupported();

    public override Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        throw Unsupported();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw Unsupported();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw Unsupported();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw Unsupported();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw Unsupported();

    static NotSupportedException Unsupported() =>
        new("The recording client only records orchestration starts; the roster benchmark needs nothing else.");
}
