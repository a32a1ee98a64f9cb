using System.Net.Sockets;
using Microsoft.DurableTask.Client;

namespace CareerConv.Engine.Tests;

/// <summary>The persistent backend on the Azurite that scripts/test.sh starts, one fresh task hub per test.</summary>
[Collection(nameof(AzureStorageBackendTests))]
public sealed class AzureStorageBackendTests
{
    const string Azurite = "UseDevelopmentStorage=true";

    [Fact]
    public async Task AzureStorage_StartWithTags_CompletesAfterEvent()
    {
        var hub = NewHub();
        await using var engine = await StartAsync(hub);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            "AwaitReply", TimeSpan.FromMinutes(5), new Microsoft.DurableTask.StartOrchestrationOptions
            {
                Tags = new Dictionary<string, string> { ["faculty"] = "SCI" },
            });
        await engine.Client.WaitForInstanceStartAsync(id, Timeout());

        await engine.Client.RaiseEventAsync(id, "Reply", "stored");
        var instance = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.StartsWith("stored at ", instance.ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureStorage_RestartWhileWaiting_NewProcessFinishesTheInstance()
    {
        var hub = NewHub();
        string id;
        await using (var first = await StartAsync(hub))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("AwaitReply", TimeSpan.FromMinutes(5));
            await first.Client.WaitForInstanceStartAsync(id, Timeout());
        }

        await using var second = await StartAsync(hub);
        await second.Client.RaiseEventAsync(id, "Reply", "after restart");
        var instance = await second.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.StartsWith("after restart at ", instance.ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    static async Task<DurableEngine> StartAsync(string hub)
    {
        EnsureAzurite();
        var backend = await AzureStorageBackend.CreateAsync(Azurite, hub, new AzureStorageTuning(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15)));
        return await DurableEngine.StartAsync(new DurableEngineSettings { Backend = backend, RegisterTasks = TestTasks.Register });
    }

    static string NewHub() => "t" + Guid.NewGuid().ToString("N")[..12];

    static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    static void EnsureAzurite()
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", 10001);
        }
        catch (SocketException)
        {
            throw new InvalidOperationException("Azurite is not answering on 127.0.0.1:10001; run the tests with scripts/test.sh, which starts it.");
        }
    }
}
