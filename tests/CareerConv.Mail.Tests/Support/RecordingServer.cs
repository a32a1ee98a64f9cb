using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerConv.Mail.Tests.Support;

/// <summary>A request as the server received it, and the status code returned to it.</summary>
sealed record RecordedRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt, int Status);

/// <summary>A scripted response: status, extra headers and body.</summary>
sealed record ScriptedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// An HTTP server on 127.0.0.1 that replaces SendGrid in tests: it records every request and returns
/// the scripted responses in order, then 202 Accepted once the script is used up.
/// </summary>
sealed class RecordingServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<RecordedRequest> requests = new();
    readonly ConcurrentQueue<ScriptedResponse> script = new();

    RecordingServer(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<RecordingServer> StartAsync(params ScriptedResponse[] responses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var server = new RecordingServer(builder.Build());
        foreach (var response in responses)
        {
            server.script.Enqueue(response);
        }

        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(address);
        return server;
    }

    async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var response = script.TryDequeue(out var next) ? next : new ScriptedResponse(StatusCodes.Status202Accepted);
        requests.Enqueue(new RecordedRequest(
            context.Request.Method, context.Request.Path, headers, body, DateTimeOffset.UtcNow, response.Status));

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
