using CareerConv.Engine;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Web.Tests;

/// <summary>
/// The shared routes on an in-memory test server, backed by a real in-process engine that runs the
/// workflow with the sample faculties.
/// </summary>
sealed class WebApp : IAsyncDisposable
{
    public const string Key = "test-admin-key-0123456789abcdef";

    readonly WebApplication app;
    readonly DurableEngine engine;

    WebApp(WebApplication app, DurableEngine engine)
    {
        this.app = app;
        this.engine = engine;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public static async Task<WebApp> StartAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
            .Build();
        var engine = await DurableEngine.StartAsync(new DurableEngineSettings
        {
            Clock = new VirtualClock(new DateTimeOffset(2026, 9, 28, 8, 0, 0, TimeSpan.Zero)),
            RegisterTasks = WorkflowTasks.Register,
            ConfigureServices = services => services.AddCareerConv(configuration),
        });

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCareerConv(configuration);
        builder.Services.AddSingleton(engine.Client);
        builder.Services.AddSingleton(new AdminKey(Key));
        var app = builder.Build();
        app.MapWebRoutes();
        await app.StartAsync();
        return new WebApp(app, engine);
    }

    public Task WaitForIdleAsync() => engine.WaitForIdleAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
        await engine.DisposeAsync();
    }
}
