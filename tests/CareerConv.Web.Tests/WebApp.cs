using System.Text.Json;
using CareerConv.Engine;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using CareerConv.Web.Hosting;
using CareerConv.Web.Links;
using CareerConv.Web.Routing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerConv.Web.Tests;

/// <summary>
/// The shared routes on an in-memory test server whose own services also run the engine's worker, as
/// the local host does: one set of stores, one outbox and one clock serve the handlers and the
/// activities. The engine is a real in-process sidecar with a virtual clock, and timing comes from
/// the sample faculties.
/// </summary>
sealed class WebApp : IAsyncDisposable
{
    public const string Key = "test-admin-key-0123456789abcdef";
    public const string BaseUrl = "http://127.0.0.1:7071";
    public static readonly string OldSecret = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray());
    public static readonly string NewSecret = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(200 - i)).ToArray());

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

    public IServiceProvider Services => app.Services;

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    public VirtualClock Clock { get; }

    public InMemoryMessageSender Outbox => (InMemoryMessageSender)Services.GetRequiredService<IMessageSender>();

    public static Dictionary<string, string?> LinkSettings(bool rotated = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CareerConv:Links:BaseUrl"] = BaseUrl,
            ["CareerConv:Links:Keys:0:Id"] = "old",
            ["CareerConv:Links:Keys:0:Secret"] = OldSecret,
        };
        if (rotated)
        {
            settings["CareerConv:Links:Keys:1:Id"] = "new";
            settings["CareerConv:Links:Keys:1:Secret"] = NewSecret;
        }

        return settings;
    }

    public static async Task<WebApp> StartAsync(
        Action<IServiceCollection>? configureWeb = null, DateTimeOffset? start = null,
        IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
            .AddInMemoryCollection(LinkSettings())
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var clock = new VirtualClock(start ?? new DateTimeOffset(2026, 9, 28, 8, 0, 0, TimeSpan.Zero));
        var options = new EngineOptions();
        var engineLogs = logs is null ? null : LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var sidecar = await EngineSidecar.StartAsync(new InMemoryOrchestrationService(), options, clock, engineLogs);
        var channel = GrpcChannel.ForAddress(sidecar.Address);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        if (logs is not null)
        {
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs).AddCareerConvLogFilters();
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        configureWeb?.Invoke(builder.Services);
        builder.Services.AddCareerConv(configuration);
        builder.Services.AddEngineWorker(channel, WorkflowTasks.Register, options);
        builder.Services.AddSingleton(new AdminKey(Key));
        builder.Services.AddCareerConvAdmin(configuration, AdminMode.AdminKey, AdminMode.AdminKey, AdminMode.EntraId);
        var app = builder.Build();
        app.UseSecurityHeaders();
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

    /// <summary>Starts a conversation in SCI/PHYS, with or without a roster reviewer, and waits until it settles.</summary>
    public async Task<ConversationInput> StartConversationAsync(
        string staffNumber = "S0042", bool withReviewer = true, string department = "PHYS", string? staffEmail = null)
    {
        var staff = new StaffMember(staffNumber, "Zoë O'Brien-Núñez", staffEmail ?? $"{staffNumber.ToLowerInvariant()}@example.ac.uk");
        var input = new ConversationInput(
            ConversationIdentity.InstanceId("2026-autumn", staffNumber), ConversationIds.New(), "2026-autumn", "SCI", department,
            staff, withReviewer ? new Person("Dr Ada Lovelace", "a.lovelace@example.ac.uk") : null);
        await Services.GetRequiredService<IConversationDirectory>().RegisterAsync(input.ConversationId, input.InstanceId);
        await Durable.ScheduleNewOrchestrationInstanceAsync(WorkflowTasks.ConversationOrchestrator, input,
            new Microsoft.DurableTask.StartOrchestrationOptions(input.InstanceId));
        await WaitForIdleAsync();
        return input;
    }

    public async Task<ConversationStatus> StatusAsync(string instanceId)
    {
        var instance = await Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        return JsonSerializer.Deserialize<ConversationStatus>(instance!.SerializedCustomStatus!, WebJson.Options)!;
    }

    /// <summary>Returns the site-relative link that the last message of a kind carries for a role.</summary>
    public string LinkFromLastMessage(MessageKind kind, ActorRole role)
    {
        var message = Outbox.Sent.Last(m => m.Message.Kind == kind).Message;
        var recipient = message.To.First(r => r.Role == role);
        var link = Services.GetRequiredService<IActionLinkBuilder>().LinkFor(message, recipient)
            ?? throw new InvalidOperationException($"{kind} carries no link for {role}.");
        return link.PathAndQuery;
    }

    /// <summary>Signs a token directly, for cases no message produces.</summary>
    public string PathFor(LinkClaims claims) =>
        "/" + LinkPaths.For(claims.Action) + "?t=" + Uri.EscapeDataString(Services.GetRequiredService<LinkSigner>().Sign(claims));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
        channel.Dispose();
        await sidecar.DisposeAsync();
    }
}
