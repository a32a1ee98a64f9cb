using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerConv.Engine;

/// <summary>
/// The Durable Task sidecar: a gRPC server on 127.0.0.1 that runs orchestrations and activities on a
/// backend and hands them to a worker over gRPC, as the Functions host does in Azure.
/// </summary>
public sealed class EngineSidecar : IAsyncDisposable
{
    readonly WebApplication app;

    EngineSidecar(WebApplication app, EngineOrchestrationService service, Uri address)
    {
        this.app = app;
        Service = service;
        Address = address;
    }

    /// <summary>The address workers and clients connect to, such as http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    /// <summary>The backend, wrapped with raised concurrency and work counting.</summary>
    public EngineOrchestrationService Service { get; }

    /// <summary>Starts the sidecar on a free port of 127.0.0.1, or on <paramref name="port"/>.</summary>
    public static async Task<EngineSidecar> StartAsync(
        IOrchestrationService backend,
        EngineOptions options,
        VirtualClock? clock = null,
        ILoggerFactory? loggerFactory = null,
        int port = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);
        var service = new EngineOrchestrationService(backend, options, clock);
        clock?.Attach(service);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            if (clock is not null)
            {
                grpc.Interceptors.Add<VirtualTimeInterceptor>(clock);
            }
        });
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new EngineSidecar(app, service, new Uri(bound.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
