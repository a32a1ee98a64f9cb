using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace CareerConv.Engine.Tests;

/// <summary>Small orchestrations that exercise timers, events and the clock.</summary>
static class TestTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<TimeSpan, DateTime>("Sleep", async (context, span) =>
        {
            await context.CreateTimer(context.CurrentUtcDateTime + span, CancellationToken.None);
            return context.CurrentUtcDateTime;
        });

        registry.AddOrchestratorFunc<TimeSpan, string>("AwaitReply", async (context, timeout) =>
        {
            try
            {
                var reply = await context.WaitForExternalEvent<string>("Reply", timeout);
                return string.Create(CultureInfo.InvariantCulture, $"{reply} at {context.CurrentUtcDateTime:O}");
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        });

        registry.AddOrchestratorFunc<TimeSpan, DateTimeOffset>("SleepThenAsk", async (context, span) =>
        {
            await context.CreateTimer(context.CurrentUtcDateTime + span, CancellationToken.None);
            return await context.CallActivityAsync<DateTimeOffset>("ReadClock");
        });

        registry.AddOrchestratorFunc<int, string>("Steps", async (context, days) =>
        {
            var seen = new List<string> { context.CurrentUtcDateTime.ToString("O", CultureInfo.InvariantCulture) };
            for (var day = 0; day < days; day++)
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                seen.Add(context.CurrentUtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            }

            return string.Join(",", seen);
        });

        registry.AddActivity("ReadClock", services => new ReadClock(services.GetRequiredService<TimeProvider>()));
    }

    sealed class ReadClock(TimeProvider time) : TaskActivity<object?, DateTimeOffset>
    {
        public override Task<DateTimeOffset> RunAsync(TaskActivityContext context, object? input) =>
            Task.FromResult(time.GetUtcNow());
    }
}
