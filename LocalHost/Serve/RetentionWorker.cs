using CareerConv.Orchestrations.Privacy;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;

namespace CareerConv.LocalHost.Serve;

/// <summary>Runs the retention purge when the local host starts and then once a day, as the Functions app's timer does.</summary>
sealed class RetentionWorker(RetentionPurge purge, DurableTaskClient client, TimeProvider clock) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await purge.PurgeAsync(client, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
