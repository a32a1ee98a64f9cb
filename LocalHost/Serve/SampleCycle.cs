using System.Globalization;
using CareerConv.Orchestrations.Cycles;
using CareerConv.Web.Cycles;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.LocalHost.Serve;

/// <summary>Imports the sample roster into the sample cycle and reports progress while it starts.</summary>
public static class SampleCycle
{
    public const string Faculty = "SCI";
    public const string Cycle = "2026-27";

    public static string RosterPath => Path.Combine(AppContext.BaseDirectory, "config", "roster.sample.csv");

    public static async Task<RosterImportResult> ImportAsync(LocalServer server, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(output);
        var importer = server.Services.GetRequiredService<RosterImporter>();
        var client = server.Services.GetRequiredService<DurableTaskClient>();
        await using var roster = File.OpenRead(RosterPath);
        var result = await importer.ImportAsync(roster, new RosterImportRequest(Cycle, Faculty, Strict: false), client, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Sample roster: {result.RowsRead} rows read ({result.Encoding}, {result.Delimiter}), {result.Accepted} accepted, {result.Problems.Count} problems. {result.Outcome}"));
        if (result.CycleInstanceId is null)
        {
            return result;
        }

        CycleStartStatus? status;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            status = await CycleQuery.ImportProgressAsync(client, result.ImportId, cancellationToken);
            if (status is not null)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  started {status.Started + status.AlreadyStarted} of {status.Total} ({status.BatchesDone}/{status.BatchCount} batches)"));
            }
        }
        while (status is null || !status.Finished);

        return result;
    }
}
