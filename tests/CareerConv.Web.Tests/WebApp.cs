using CareerConv.Engine;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests;

/// <summary>
/// The shared routes on an in-memory test server whose own services also run the engine's worker, as
/// the local host does: one set of stores serves the handlers and the activities. The engine is a real
/// in-process sidecar with a virtual clock, and timing comes from the sample faculties.
/// </summary>
sealed class WebApp : IAsyncDisposable
{
    public const string Key = "test-admin-key-0123456789abcdef";

    readonly WebApplication app;
    readonly EngineSidecar sidecar;
    readonly GrpcChannel channel;

    WebApp(WebApplication app, EngineSidecar sidecar, GrpcChannel channel, VirtualClock clock)
    {
        this.app = app;
        this.sidecar = sidecar;
        this.channel = channel;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public VirtualClock Clock { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<WebApp> StartAsync(DateTimeOffset? start = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
            .Build();
        var clock = new VirtualClock(start ?? new DateTimeOffset(2026, 9, 28, 8, 0, 0, TimeSpan.Zero));
        var options = new EngineOptions();
        var sidecar = await EngineSidecar.StartAsync(new InMemoryOrchestrationService(), options, clock);
        var channel = GrpcChannel.ForAddress(sidecar.Address);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddCareerConv(configuration);
        builder.Services.AddEngineWorker(channel, WorkflowTasks.Register, options);
        builder.Services.AddSingleton(new AdminKey(Key));
        var app = builder.Build();
        app.MapWebRoutes();
        await app.StartAsync();
        return new WebApp(app, sidecar, channel, clock);
    }

    public Task WaitForIdleAsync() => sidecar.Service.WaitForIdleAsync();

    public static HttpRequestMessage Admin(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(AdminKey.HeaderName, Key);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
        channel.Dispose();
        await sidecar.DisposeAsync();
    }
}
