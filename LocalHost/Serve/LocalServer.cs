using CareerConv.Engine;
using CareerConv.Infrastructure.Storage;
using CareerConv.Infrastructure.Stores;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Hosting;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerConv.LocalHost.Serve;

/// <summary>
/// The local host: the same HTTP routes, orchestrations and activities as the Functions app, served on
/// 127.0.0.1 by Kestrel with the engine's worker in the same process. The default backend is Azure
/// Storage on Azurite, so conversations survive a restart; the in-memory one keeps nothing.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    public const string DefaultTaskHub = "careerconvlocal";

    readonly WebApplication app;
    readonly EngineSidecar sidecar;
    readonly GrpcChannel channel;

    LocalServer(WebApplication app, EngineSidecar sidecar, GrpcChannel channel, Uri address, AdminKey adminKey)
    {
        this.app = app;
        this.sidecar = sidecar;
        this.channel = channel;
        Address = address;
        AdminKey = adminKey;
    }

    public Uri Address { get; }

    public AdminKey AdminKey { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Waits until the engine has no work queued or running.</summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default) => sidecar.Service.WaitForIdleAsync(cancellationToken);

    public static async Task<LocalServer> StartAsync(IConfiguration configuration, ServeSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(settings.DataFolder);
        var engineOptions = new EngineOptions { MaximumTimerInterval = CareerConvServices.MaximumTimerInterval(configuration) };
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        var backend = await CreateBackendAsync(configuration, settings);
        var sidecar = await EngineSidecar.StartAsync(backend, engineOptions, cancellationToken: cancellationToken);
        var channel = GrpcChannel.ForAddress(sidecar.Address);
        var adminKey = LoadAdminKey(configuration, settings.DataFolder);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, settings.Port));
        builder.Logging.ClearProviders().AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCareerConv(configuration);
        if (!settings.InMemory)
        {
            builder.Services.AddCareerConvDurableStores(configuration);
        }

        builder.Services.AddEngineWorker(channel, WorkflowTasks.Register, engineOptions);
        builder.Services.AddSingleton(adminKey);
        var app = builder.Build();
        app.MapWebRoutes();
        app.MapGet("/", () => Results.Content(IndexPage.Render(settings.InMemory), "text/html; charset=utf-8"));
        await app.StartAsync(cancellationToken);
        var address = new Uri($"http://127.0.0.1:{Port(app)}");
        return new LocalServer(app, sidecar, channel, address, adminKey);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        channel.Dispose();
        await sidecar.DisposeAsync();
    }

    static async Task<IOrchestrationService> CreateBackendAsync(IConfiguration configuration, ServeSettings settings)
    {
        if (settings.InMemory)
        {
            return new InMemoryOrchestrationService();
        }

        var connectionString = configuration[$"{StorageOptions.SectionName}:ConnectionString"] ?? StorageOptions.DevelopmentConnectionString;
        var taskHub = configuration["CareerConv:Engine:TaskHub"] ?? DefaultTaskHub;
        return await AzureStorageBackend.CreateAsync(connectionString, taskHub);
    }

    static AdminKey LoadAdminKey(IConfiguration configuration, string dataFolder)
    {
        if (configuration["CareerConv:Admin:Key"] is { Length: > 0 } configured)
        {
            return new AdminKey(configured);
        }

        var path = Path.Combine(dataFolder, "admin-key");
        if (File.Exists(path))
        {
            return new AdminKey(File.ReadAllText(path).Trim());
        }

        var key = AdminKey.Random();
        File.WriteAllText(path, key.Value);
        return key;
    }

    static int Port(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First()).Port;
    }
}
