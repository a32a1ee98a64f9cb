using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerConv.Engine;

/// <summary>What to run on a <see cref="DurableEngine"/>, and on which backend and clock.</summary>
public sealed class DurableEngineSettings
{
    /// <summary>Registers the orchestrators and activities.</summary>
    public required Action<DurableTaskRegistry> RegisterTasks { get; init; }

    /// <summary>Adds the services the activities depend on.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public EngineOptions Options { get; init; } = new();

    /// <summary>A virtual clock; without one the engine runs on the machine's clock.</summary>
    public VirtualClock? Clock { get; init; }

    /// <summary>The backend; the in-memory one when not given, where nothing survives a restart.</summary>
    public IOrchestrationService? Backend { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }
}

/// <summary>
/// A real Durable Task engine in this process: the sidecar on 127.0.0.1 and a worker host with a
/// client, used by tests, the rehearsal and the benchmark.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    readonly EngineSidecar sidecar;
    readonly IHost workerHost;
    readonly GrpcChannel channel;

    DurableEngine(EngineSidecar sidecar, IHost workerHost, GrpcChannel channel, TimeProvider time, VirtualClock? clock)
    {
        this.sidecar = sidecar;
        this.workerHost = workerHost;
        this.channel = channel;
        Time = time;
        Clock = clock;
    }

    public DurableTaskClient Client => workerHost.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The worker host's services, as the activities see them.</summary>
    public IServiceProvider Services => workerHost.Services;

    /// <summary>The clock every service reads: the virtual clock when there is one.</summary>
    public TimeProvider Time { get; }

    public VirtualClock? Clock { get; }

    /// <summary>The wrapped backend, with its counts of queued and running work.</summary>
    public EngineOrchestrationService Service => sidecar.Service;

    public static async Task<DurableEngine> StartAsync(
        DurableEngineSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loggerFactory = settings.LoggerFactory ?? NullLoggerFactory.Instance;
        var backend = settings.Backend ?? new InMemoryOrchestrationService(loggerFactory);
        var sidecar = await EngineSidecar.StartAsync(
            backend, settings.Options, settings.Clock, loggerFactory, cancellationToken: cancellationToken);
        var channel = GrpcChannel.ForAddress(sidecar.Address);
        TimeProvider time = settings.Clock is null ? TimeProvider.System : settings.Clock;

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton(time);
        settings.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddEngineWorker(channel, settings.RegisterTasks, settings.Options);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new DurableEngine(sidecar, host, channel, time, settings.Clock);
    }

    /// <summary>
    /// Waits until nothing runs and nothing waits in the engine; timers held by the virtual clock do
    /// not count.
    /// </summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default) =>
        sidecar.Service.WaitForIdleAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await workerHost.StopAsync();
        workerHost.Dispose();
        await channel.ShutdownAsync();
        channel.Dispose();
        await sidecar.DisposeAsync();
    }
}
