using System.Diagnostics;
using System.Net.Sockets;

namespace CareerConv.LocalHost.Tests.Faults;

/// <summary>
/// An Azurite of the test's own, on free ports of 127.0.0.1, that a test can stop and start again on the
/// same data folder. The shared Azurite on ports 10000-10002 is never touched.
/// </summary>
sealed class AzuriteProcess : IDisposable
{
    // The storage emulator's published development account.
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly string dataFolder;
    readonly int[] ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
    Process? process;

    public AzuriteProcess(string dataFolder) => this.dataFolder = dataFolder;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";

    /// <summary>Starts Azurite and waits until its three ports accept connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Binary()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--silent", "--disableTelemetry", "--location", dataFolder,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Port(0), "--queuePort", Port(1), "--tablePort", Port(2),
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (!ports.All(IsOpen))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} at start-up.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Stops Azurite with SIGTERM, as an operator would, and waits until it has exited.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        process.Dispose();
        process = null;
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
    }

    string Port(int i) => ports[i].ToString(System.Globalization.CultureInfo.InvariantCulture);

    static bool IsOpen(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Finds the Azurite that scripts/azurite.sh installs into .tools/ at the repository root.</summary>
    static string Binary()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".tools", "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Azurite is not installed in .tools/ at the repository root; run the tests with scripts/test.sh, which installs it.");
    }
}
