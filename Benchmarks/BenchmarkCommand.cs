using System.Diagnostics;
using System.Runtime.InteropServices;
using CareerConv.Benchmarks.Durable;
using CareerConv.Benchmarks.Reporting;
using CareerConv.Benchmarks.Side;
using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.Configuration;

namespace CareerConv.Benchmarks;

/// <summary>Parses the command line, runs every section and prints the targets with PASS or MISS.</summary>
static class BenchmarkCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (options.Help)
        {
            await output.WriteLineAsync(BenchmarkOptions.Usage);
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var configuration = new ConfigurationBuilder()
            .AddFacultiesFile(Path.GetFullPath(options.FacultiesFile ?? Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json")))
            .Build();
        var scope = CycleScope.Read(configuration, options.Faculty, options.Cycle);
        await PrintMachineAsync(output);

        var targets = new List<TargetCheck>();
        // The upload runs first. After the cycles the process has so much free heap that an upload
        // does not raise the working set at all, and the rise would mean nothing.
        var upload = await UploadBenchmark.RunAsync(options.Quick, output, cancellationToken);
        await RosterImportBenchmark.RunAsync(configuration, scope, options.RosterRows, output, cancellationToken);
        await RenderingBenchmark.RunAsync(options.Quick, output);
        await DurableSection.RunAsync(options, configuration, scope, output, targets, cancellationToken);
        targets.Add(upload);
        await PrintTargetsAsync(output, targets);
        await output.WriteLineAsync($"Total wall time {Units.Seconds(watch.Elapsed)}; peak working set of the process {Units.MiB(Process.GetCurrentProcess().PeakWorkingSet64)}.");
        return 0;
    }

    static async Task PrintMachineAsync(TextWriter output)
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        await output.WriteLineAsync(
            $"Machine: {Environment.ProcessorCount} cores, {Units.MiB(memory)} memory, {RuntimeInformation.FrameworkDescription}, "
            + $"{RuntimeInformation.OSDescription}; server GC {System.Runtime.GCSettings.IsServerGC}; run at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        await output.WriteLineAsync();
    }

    static async Task PrintTargetsAsync(TextWriter output, List<TargetCheck> targets)
    {
        await output.WriteLineAsync("== Targets ==");
        foreach (var target in targets)
        {
            await output.WriteLineAsync($"{target.Verdict,-12} {target.Target}: {target.Measured}");
        }
    }
}
