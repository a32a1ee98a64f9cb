using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace CareerConv.LocalHost.Tests;

public sealed class ServeShutdownTests
{
    [Fact]
    public async Task Serve_Sigterm_StopsTheHost()
    {
        var data = Directory.CreateTempSubdirectory("careerconv-sigterm-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "CareerConv.LocalHost.dll"), "serve", "--in-memory",
            "--port", port.ToString(CultureInfo.InvariantCulture), "--data", data })
        {
            start.ArgumentList.Add(argument);
        }

        using var host = Process.Start(start)!;
        try
        {
            await StopWithSigtermAsync(host);
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }
        }
    }

    static async Task StopWithSigtermAsync(Process host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line;
        while ((line = await host.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("Press Ctrl+C", StringComparison.Ordinal))
        {
        }

        using (var signal = Process.Start("kill", ["-TERM", host.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync(timeout.Token);
        }

        await host.WaitForExitAsync(timeout.Token);

        Assert.NotNull(line);
        Assert.Equal(0, host.ExitCode);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
