using System.Diagnostics;
using System.Globalization;
using System.Text;
using CareerConv.Benchmarks.Durable;
using CareerConv.Benchmarks.Reporting;
using CareerConv.Orchestrations.Cycles;
using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareerConv.Benchmarks.Side;

/// <summary>
/// Reads and imports a generated roster (UTF-8, comma-delimited, every row valid, every other row with a
/// reviewer) with <see cref="RosterReader"/> and <see cref="RosterImporter"/> over in-memory stores. The
/// import's start of the cycle orchestration goes to a client that only records it.
/// </summary>
static class RosterImportBenchmark
{
    const int Rounds = 3;

    public static async Task RunAsync(
        IConfiguration configuration, CycleScope scope, int rows, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"== Roster import: {Units.Number(rows, 0)} rows ==");
        var roster = Generate(rows, scope);
        using var services = new ServiceCollection().AddCareerConvTiming(configuration).BuildServiceProvider();
        var timing = services.GetRequiredService<IOptions<TimingOptions>>();
        var departments = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [scope.Faculty] = scope.Departments.ToHashSet(StringComparer.OrdinalIgnoreCase),
        };

        var reads = new List<TimeSpan>();
        var imports = new List<TimeSpan>();
        RosterImportResult? last = null;
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var report = await RosterReader.ReadAsync(new MemoryStream(roster), new RosterScope(scope.Faculty, departments), cancellationToken);
            reads.Add(watch.Elapsed);
            Check(report.Entries.Count == rows && report.Problems.Count == 0, $"the reader accepted {report.Entries.Count} rows with {report.Problems.Count} problems");

            var client = new RecordingClient();
            var importer = new RosterImporter(new InMemoryImportBatches(), new InMemoryImportLedger(), timing);
            watch.Restart();
            last = await importer.ImportAsync(
                new MemoryStream(roster), new RosterImportRequest(scope.Cycle, scope.Faculty, Strict: true), client, cancellationToken);
            imports.Add(watch.Elapsed);
            Check(last.ToStart == rows && client.Started.Count == 1, $"the import would start {last.ToStart} conversations: {last.Outcome}");
        }

        await output.WriteLineAsync(
            $"file {Units.MiB(roster.Length)}; {Rounds} rounds, median shown. Read and validate: {Rate(rows, reads)}; "
            + $"whole import (read, validate, check the ledger, save {last!.ToStart / RosterImporter.BatchSize} batches of {RosterImporter.BatchSize}, "
            + $"start the cycle orchestration): {Rate(rows, imports)}");
        await output.WriteLineAsync();
    }

    static string Rate(int rows, List<TimeSpan> times)
    {
        var median = times.Order().ElementAt(times.Count / 2);
        return string.Create(CultureInfo.InvariantCulture, $"{median.TotalMilliseconds:N0} ms = {rows / median.TotalSeconds:N0} rows/s");
    }

    static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The roster benchmark did not run as planned: {problem}.");
        }
    }

    /// <summary>Returns a roster in the column layout of the sample roster, with names that need quoting and non-ASCII letters.</summary>
    public static byte[] Generate(int rows, CycleScope scope)
    {
        var text = new StringBuilder(rows * 160);
        text.Append("Person Number,Title,Forename,Surname,Work Email,Faculty,Department,Job Title,Reviewer Name,Reviewer Email,Line Manager Email,FTE\r\n");
        for (var i = 0; i < rows; i++)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"{10_000_000 + i:D8}");
            var department = scope.Departments[i % scope.Departments.Count];
            var reviewer = i % 2 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Dr Reviewer {i % 400},reviewer{i % 400}@example.ac.uk")
                : ",";
            text.Append(CultureInfo.InvariantCulture,
                $"{number},Dr,Siân,\"O'Brien-Núñez {i}\",staff{i}@example.ac.uk,{scope.Faculty},{department},Lecturer,{reviewer},,1.0\r\n");
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }
}
