using CareerConv.Benchmarks.Reporting;
using CareerConv.Engine;
using CareerConv.LocalHost.Rehearsal;
using Microsoft.Extensions.Configuration;

namespace CareerConv.Benchmarks.Durable;

/// <summary>
/// Runs, for each conversation count, the baseline and then the cycle under each response profile, and
/// prints what they cost. The baseline runs once per count, on the engine of the first profile, before
/// that profile's cycle.
/// </summary>
static class DurableSection
{
    public const double MaxActionsPerConversation = 40;
    public const int MaxHistoryBytes = 64 * 1024;
    public const double MinThroughputRatio = 0.5;
    public const int ParkedConversations = 10_000;
    public const long MaxParkedWorkingSetBytes = 1024L * 1024 * 1024;

    public static async Task RunAsync(
        BenchmarkOptions options, IConfiguration configuration, CycleScope scope, TextWriter output,
        List<TargetCheck> targets, CancellationToken cancellationToken)
    {
        var engineOptions = new EngineOptions { MaximumTimerInterval = options.MaximumTimerInterval };
        foreach (var count in options.Conversations)
        {
            await output.WriteLineAsync(
                $"== Durable engine: {Units.Number(count, 0)} conversations of {scope.Faculty} {scope.Cycle}, "
                + $"timers at most {Units.Number(options.MaximumTimerInterval.TotalDays)} days ==");
            ThroughputRun? baseline = null;
            foreach (var profile in options.Profiles)
            {
                await using var engine = await BenchmarkEngine.StartAsync(configuration, scope, profile, engineOptions, cancellationToken);
                if (baseline is null)
                {
                    baseline = await BaselineBenchmark.RunAsync(engine, count, cancellationToken);
                    await PrintBaselineAsync(output, baseline);
                }

                var cycle = await CycleBenchmark.RunAsync(engine, scope, count, cancellationToken);
                await PrintCycleAsync(output, profile, cycle, baseline);
                if (profile == ResponseProfile.Prompt)
                {
                    AddTargets(targets, count, cycle, baseline);
                }
            }

            await output.WriteLineAsync();
        }
    }

    static async Task PrintBaselineAsync(TextWriter output, ThroughputRun baseline)
    {
        await output.WriteLineAsync(
            $"baseline: {Units.Number(baseline.Finished, 0)} orchestrations x {BaselineTasks.ActivityCalls} sequential activities: "
            + $"{Units.Number(baseline.WorkItems, 0)} work items ({Units.Number(baseline.OrchestrationWorkItems, 0)} orchestration, "
            + $"{Units.Number(baseline.ActivityWorkItems, 0)} activity) in {Units.Seconds(baseline.Elapsed)} = "
            + $"{Units.Number(baseline.WorkItemsPerSecond, 0)} work items/s; peak working set {Units.MiB(baseline.PeakWorkingSetBytes)}");
    }

    static async Task PrintCycleAsync(TextWriter output, ResponseProfile profile, CycleRun cycle, ThroughputRun baseline)
    {
        var run = cycle.Throughput;
        var actions = cycle.Actions;
        var outcomes = string.Join(", ", cycle.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {Units.Number(o.Value, 0)}"));
        await output.WriteLineAsync(
            $"cycle ({profile.ToString().ToLowerInvariant()}): {Units.Number(run.Finished, 0)} of {Units.Number(run.Instances, 0)} finished ({outcomes}) "
            + $"over {Units.Number(cycle.VirtualSpan.TotalDays, 0)} virtual days; wall time {Units.Seconds(run.Elapsed)}");
        await output.WriteLineAsync(
            $"  work items: {Units.Number(run.OrchestrationWorkItems, 0)} orchestration + {Units.Number(run.ActivityWorkItems, 0)} activity = "
            + $"{Units.Number(run.WorkItems, 0)}; {Units.Number(run.WorkItemsPerSecond, 0)} work items/s = "
            + $"{Units.Number(Ratio(run, baseline) * 100, 0)}% of the baseline's {Units.Number(baseline.WorkItemsPerSecond, 0)}");
        await output.WriteLineAsync(
            $"  durable actions per conversation: {Units.Number(actions.Actions)} (min {actions.MinActions}, max {actions.MaxActions}): "
            + $"starts {Units.Number(actions.Starts)}, activities scheduled {Units.Number(actions.ActivitiesScheduled)} "
            + $"and completed {Units.Number(actions.ActivitiesCompleted)}, timers created {Units.Number(actions.TimersCreated)} "
            + $"and fired {Units.Number(actions.TimersFired)}, events received {Units.Number(actions.EventsReceived)}");
        await output.WriteLineAsync(
            $"  per conversation: {Units.Number(actions.Episodes)} orchestration work items (each replays the history); "
            + $"history {Units.Number(actions.HistoryEvents)} events, {Units.KiB(actions.HistoryBytes)} mean, {Units.KiB(actions.MaxHistoryBytes)} max"
            + (actions.UncountedEvents == 0 ? string.Empty : $"; {actions.UncountedEvents} history events were not seen as new (counts are low)"));
        await output.WriteLineAsync(
            $"  memory (working set / managed heap): before start {Units.MiB(cycle.BeforeStart.WorkingSetBytes)} / {Units.MiB(cycle.BeforeStart.ManagedHeapBytes)}; "
            + $"all {Units.Number(run.Instances, 0)} parked at their first wait (after {Units.Seconds(cycle.TimeToPark)}) "
            + $"{Units.MiB(cycle.Parked.WorkingSetBytes)} / {Units.MiB(cycle.Parked.ManagedHeapBytes)}; "
            + $"peak during the run {Units.MiB(run.PeakWorkingSetBytes)} / {Units.MiB(run.PeakManagedHeapBytes)}");
    }

    static void AddTargets(List<TargetCheck> targets, int count, CycleRun cycle, ThroughputRun baseline)
    {
        var actions = cycle.Actions;
        var n = $"N={Units.Number(count, 0)}";
        targets.Add(new TargetCheck(
            $"durable actions per prompt conversation <= {MaxActionsPerConversation} ({n})",
            $"{Units.Number(actions.Actions)} mean, {actions.MaxActions} max",
            actions.Instances == count ? actions.Actions <= MaxActionsPerConversation : false));
        targets.Add(new TargetCheck(
            $"history per prompt conversation < {Units.KiB(MaxHistoryBytes)} ({n})",
            $"{Units.KiB(actions.HistoryBytes)} mean, {Units.KiB(actions.MaxHistoryBytes)} max",
            actions.Instances > 0 && actions.MaxHistoryBytes < MaxHistoryBytes));
        var ratio = Ratio(cycle.Throughput, baseline);
        targets.Add(new TargetCheck(
            $"cycle work items/s >= {MinThroughputRatio:P0} of baseline ({n})",
            $"{Units.Number(ratio * 100, 0)}% ({Units.Number(cycle.Throughput.WorkItemsPerSecond, 0)} vs {Units.Number(baseline.WorkItemsPerSecond, 0)})",
            ratio >= MinThroughputRatio));
        if (count >= ParkedConversations)
        {
            targets.Add(new TargetCheck(
                $"{Units.Number(count, 0)} parked conversations: process working set < {Units.MiB(MaxParkedWorkingSetBytes)}",
                $"{Units.MiB(cycle.Parked.WorkingSetBytes)} (managed heap {Units.MiB(cycle.Parked.ManagedHeapBytes)})",
                cycle.Parked.WorkingSetBytes < MaxParkedWorkingSetBytes));
        }
    }

    static double Ratio(ThroughputRun run, ThroughputRun baseline) =>
        baseline.WorkItemsPerSecond > 0 ? run.WorkItemsPerSecond / baseline.WorkItemsPerSecond : 0;
}
