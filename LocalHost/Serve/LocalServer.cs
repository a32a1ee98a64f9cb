using CareerConv.Engine;
using CareerConv.Infrastructure.Documents;
using CareerConv.Infrastructure.Storage;
using CareerConv.Mail;
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
        settings = settings with { Port = settings.Port == 0 ? FreePort() : settings.Port };
        configuration = WithLocalDefaults(configuration, settings);
        var engineOptions = new EngineOptions { MaximumTimerInterval = CareerConvServices.MaximumTimerInterval(configuration) };
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        var backend = await CreateBackendAsync(configuration, settings);
        var sidecar = await EngineSidecar.StartAsync(backend, engineOptions, cancellationToken: cancellationToken);
        var channel = GrpcChannel.ForAddress(sidecar.Address);
        var adminKey = LoadAdminKey(configuration, settings.DataFolder);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, settings.Port));
        builder.Logging.ClearProviders().AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole().AddCareerConvLogFilters();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCareerConv(configuration);
        if (!settings.InMemory)
        {
            builder.Services.AddCareerConvDurableStores(configuration);
            builder.Services.AddCareerConvDocuments(configuration);
            builder.Services.AddCareerConvMail(configuration);
        }

        builder.Services.AddEngineWorker(channel, WorkflowTasks.Register, engineOptions);
        builder.Services.AddSingleton(adminKey);
        builder.Services.AddHostedService<RetentionWorker>();
        builder.Services.AddCareerConvAdmin(configuration, AdminMode.AdminKey, AdminMode.AdminKey, AdminMode.EntraId);
        var app = builder.Build();
        app.UseSecurityHeaders();
        app.MapWebRoutes();
        app.MapGet("/", () => Results.Content(IndexPage.Render(settings.InMemory), "text/html; charset=utf-8"));
        var outbox = configuration["CareerConv:Mail:OutboxFolder"]!;
        app.MapGet("/outbox", (Delegate)((HttpContext context) => OutboxPages.IndexAsync(context, outbox)));
        app.MapGet("/outbox/email", (Delegate)((HttpContext context) => OutboxPages.EmailAsync(context, outbox)));
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
        var tuning = AzureStorageTuning.Local with
        {
            LeaseInterval = configuration.GetValue("CareerConv:Engine:LeaseInterval", AzureStorageTuning.Local.LeaseInterval),
            MessageVisibilityTimeout = configuration.GetValue<TimeSpan?>("CareerConv:Engine:MessageVisibilityTimeout"),
        };
        return await AzureStorageBackend.CreateAsync(connectionString, taskHub, tuning);
    }

    /// <summary>
    /// Fills in what a local run needs and an operator has not set: links that point at this host, a
    /// link-signing key kept in the data folder, and the outbox folder beside it.
    /// </summary>
    static IConfiguration WithLocalDefaults(IConfiguration configuration, ServeSettings settings)
    {
        var defaults = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(configuration["CareerConv:Links:BaseUrl"]))
        {
            defaults["CareerConv:Links:BaseUrl"] = $"http://127.0.0.1:{settings.Port}";
        }

        if (!configuration.GetSection("CareerConv:Links:Keys").GetChildren().Any())
        {
            defaults["CareerConv:Links:Keys:0:Id"] = "local";
            defaults["CareerConv:Links:Keys:0:Secret"] = LoadOrCreateSecret(Path.Combine(settings.DataFolder, "link-key"));
        }

        if (string.IsNullOrWhiteSpace(configuration["CareerConv:Mail:OutboxFolder"]))
        {
            defaults["CareerConv:Mail:OutboxFolder"] = Path.Combine(settings.DataFolder, "outbox");
        }

        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(defaults).Build();
    }

    static string LoadOrCreateSecret(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, secret);
        return secret;
    }

    static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
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
