using System.Collections.Concurrent;
using System.Diagnostics;

namespace CareerConv.LocalHost.Tests.Faults;

/// <summary>
/// The local host as a child process: <c>dotnet CareerConv.LocalHost.dll serve</c> on 127.0.0.1 with the
/// Azure Storage backend, in a scratch task hub and storage name prefix. Short leases, message
/// visibility and send leases let a restarted host pick up work within seconds of a hard kill.
/// </summary>
sealed class HostProcess : IDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> log = new();

    HostProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <summary>The host's console output, for failure messages.</summary>
    public string Log => string.Join('\n', log.TakeLast(60));

    public static HostProcess Start(string dataFolder, int port, string scratch, string adminKey, string? storageConnection = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataFolder,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "CareerConv.LocalHost.dll"), "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", dataFolder })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["CareerConv__Storage__NamePrefix"] = scratch;
        start.Environment["CareerConv__Engine__TaskHub"] = scratch;
        start.Environment["CareerConv__Engine__LeaseInterval"] = "00:00:06";
        start.Environment["CareerConv__Engine__MessageVisibilityTimeout"] = "00:00:10";

        // A send cut off by the kill holds its message id for the send lease. The activity's retries
        // span 75 s, so the lease must end before them, or the step fails and waits for RetryStep.
        start.Environment["CareerConv__Mail__SendLease"] = "00:00:30";
        start.Environment["CareerConv__Admin__Key"] = adminKey;
        if (storageConnection is not null)
        {
            start.Environment["CareerConv__Storage__ConnectionString"] = storageConnection;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{dotnet} did not start.");
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until the host serves its index page.</summary>
    public async Task WaitUntilReadyAsync(Uri address, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    void Append(string? line)
    {
        if (line is not null)
        {
            log.Enqueue(line);
        }
    }
}
