using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CareerConv.Orchestrations.Cycles;

/// <summary>An import request: the cycle and faculty a roster is for, and whether any problem stops it.</summary>
/// <param name="Strict">When true, nothing starts while any row has a problem.</param>
public sealed record RosterImportRequest(string Cycle, string Faculty, bool Strict);

/// <summary>What an import did: how the file was read, every problem, and what it started.</summary>
/// <param name="CycleInstanceId">The cycle orchestration that starts the conversations; null when nothing was started.</param>
public sealed record RosterImportResult(
    string ImportId,
    string Encoding,
    string Delimiter,
    int RowsRead,
    int Accepted,
    int AlreadyStarted,
    int ToStart,
    IReadOnlyList<RosterProblem> Problems,
    string? CycleInstanceId,
    string Outcome);

/// <summary>
/// Imports a roster for one faculty's cycle: reads and validates it, leaves out the staff already
/// started in the cycle, saves the rest in batches, and starts the cycle orchestration that starts
/// them. Rows with problems are never started; with <see cref="RosterImportRequest.Strict"/> nothing is.
/// </summary>
public sealed class RosterImporter(IImportBatches batches, IImportLedger ledger, IOptions<TimingOptions> timing)
{
    public const int BatchSize = 100;

    public async Task<RosterImportResult> ImportAsync(
        Stream roster, RosterImportRequest request, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var cycle = ConversationIdentity.NormaliseCycle(request.Cycle);
        var faculty = CheckCycle(cycle, request.Faculty);
        var report = await RosterReader.ReadAsync(roster, Scope(faculty), cancellationToken);
        var importId = ConversationIds.New();
        var result = new RosterImportResult(importId, report.Encoding, Describe(report.Delimiter), report.RowsRead,
            report.Entries.Count, 0, 0, report.Problems, null, string.Empty);
        if (request.Strict && report.Problems.Count > 0)
        {
            return result with { Outcome = $"Nothing was started: {report.Problems.Count} problems, and the import is strict." };
        }

        var started = await ledger.StartedAsync(cycle, cancellationToken);
        var toStart = report.Entries.Where(e => !started.Contains(e.Staff.StaffNumber)).ToList();
        result = result with { AlreadyStarted = report.Entries.Count - toStart.Count, ToStart = toStart.Count };
        if (toStart.Count == 0)
        {
            return result with { Outcome = "Nothing to start: every valid row was started in this cycle before." };
        }

        var batchCount = await SaveBatchesAsync(importId, cycle, toStart, cancellationToken);
        var instanceId = CycleStartIds.For(importId);
        await client.ScheduleNewOrchestrationInstanceAsync(
            WorkflowTasks.CycleStartOrchestrator,
            new CycleStartInput(importId, cycle, faculty, batchCount, toStart.Count,
                [.. toStart.Where(e => e.Reviewer is null).Select(e => e.Department).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)]),
            new StartOrchestrationOptions(instanceId),
            cancellationToken);
        return result with { CycleInstanceId = instanceId, Outcome = $"Starting {toStart.Count} conversations in {batchCount} batches." };
    }

    string CheckCycle(string cycle, string faculty)
    {
        var faculties = timing.Value.Faculties;
        var code = faculties.Keys.FirstOrDefault(k => string.Equals(k, faculty?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Faculty '{faculty}' is not configured; use one of: {string.Join(", ", faculties.Keys.Order(StringComparer.Ordinal))}.");
        var cycles = faculties[code].Cycles?.Select(c => c.Id).OfType<string>().ToList() ?? [];
        if (!cycles.Contains(cycle, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Cycle '{cycle}' is not a cycle of faculty '{code}'; use one of: {string.Join(", ", cycles)}, "
                + "or add the cycle to the faculty's timing first.");
        }

        return code;
    }

    RosterScope Scope(string faculty)
    {
        var departments = timing.Value.Faculties.ToDictionary(
            f => f.Key,
            f => (IReadOnlySet<string>)f.Value.Departments.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
        return new RosterScope(faculty, departments);
    }

    async Task<int> SaveBatchesAsync(string importId, string cycle, List<RosterEntry> entries, CancellationToken cancellationToken)
    {
        var batch = 0;
        foreach (var chunk in entries.Chunk(BatchSize))
        {
            var inputs = chunk.Select(e => new ConversationInput(
                ConversationIdentity.InstanceId(cycle, e.Staff.StaffNumber),
                ConversationIds.New(),
                cycle,
                e.Faculty,
                e.Department,
                e.Staff,
                e.Reviewer,
                e.LineManager,
                ReviewerRequestedByCycle: e.Reviewer is null)).ToList();
            await batches.SaveAsync(importId, batch++, inputs, cancellationToken);
        }

        return batch;
    }

    static string Describe(char delimiter) => delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        _ => "tab",
    };
}
