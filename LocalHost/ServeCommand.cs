using System.Runtime.InteropServices;
using CareerConv.LocalHost.Serve;
using Microsoft.Extensions.Configuration;

namespace CareerConv.LocalHost;

/// <summary>Runs the local host until Ctrl+C, optionally loading the sample cycle first.</summary>
static class ServeCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, CommandLine command, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        // A service manager or container runtime stops the host with SIGTERM; it shuts down the same way.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var settings = new ServeSettings(command.Port, command.InMemory, Path.GetFullPath(command.DataFolder), command.Sample);
        await using var server = await LocalServer.StartAsync(configuration, settings, stop.Token);
        await output.WriteLineAsync($"CareerConv local host on {server.Address} ({(settings.InMemory ? "in-memory engine: nothing survives a restart" : "Azure Storage backend on Azurite")}).");
        await output.WriteLineAsync($"Admin key (header x-functions-key, or ?code=): {server.AdminKey.Value}");
        if (settings.Sample)
        {
            await SampleCycle.ImportAsync(server, output, stop.Token);
            await output.WriteLineAsync($"Progress: {server.Address}admin/progress?cycle={SampleCycle.Cycle}&faculty={SampleCycle.Faculty}&code={server.AdminKey.Value}");
            await output.WriteLineAsync($"Outbox:   {server.Address}outbox (follow the links in the emails to play each role)");
        }

        await output.WriteLineAsync("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("Stopping.");
        }

        return 0;
    }
}
