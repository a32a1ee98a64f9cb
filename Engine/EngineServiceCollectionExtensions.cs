using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Engine;

/// <summary>Registers a Durable Task worker and client that talk to an <see cref="EngineSidecar"/>.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the worker, which runs the registered orchestrators and activities, and a
    /// <see cref="DurableTaskClient"/>, both connected to the sidecar over <paramref name="channel"/>.
    /// </summary>
    public static IServiceCollection AddEngineWorker(
        this IServiceCollection services,
        GrpcChannel channel,
        Action<DurableTaskRegistry> registerTasks,
        EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(registerTasks);
            worker.Configure(o => o.MaximumTimerInterval = options.MaximumTimerInterval);
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        return services;
    }
}
