using CareerConv.Engine;
using CareerConv.LocalHost.Rehearsal;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.Configuration;

namespace CareerConv.LocalHost.Tests;

public sealed class RehearsalTests
{
    static readonly IConfiguration Sample = new ConfigurationBuilder()
        .AddFacultiesFile(Path.Combine(AppContext.BaseDirectory, "config", "faculties.sample.json"))
        .Build();

    [Fact]
    public async Task Rehearsal_PromptReplies_CompletesEveryConversationWithoutReminders()
    {
        var settings = new RehearsalSettings("SCI", "2026-autumn", 6, ResponseProfile.Prompt, new EngineOptions());

        var report = await RehearsalRunner.RunAsync(Sample, settings);

        Assert.Equal(6, report.Started);
        Assert.Equal(6, report.Outcomes["Completed"]);
        Assert.Single(report.Outcomes);
        Assert.Equal(6, report.MessagesByKind[MessageKind.Completion]);
        Assert.Equal(3, report.MessagesByKind[MessageKind.ReviewerRequest]);
        Assert.False(report.MessagesByKind.ContainsKey(MessageKind.RecordReminder));
        Assert.False(report.MessagesByKind.ContainsKey(MessageKind.Escalation));
    }

    [Fact]
    public async Task Rehearsal_SlowReplies_CompletesAfterTheReminders()
    {
        var settings = new RehearsalSettings("AHS", "2027-spring", 4, ResponseProfile.Slow, new EngineOptions());

        var report = await RehearsalRunner.RunAsync(Sample, settings);

        Assert.Equal(4, report.Outcomes["Completed"]);
        Assert.True(report.MessagesByKind.GetValueOrDefault(MessageKind.RecordReminder) > 0);
        Assert.True(report.MessagesByKind.GetValueOrDefault(MessageKind.HandoffReminder) > 0);
        Assert.False(report.MessagesByKind.ContainsKey(MessageKind.Escalation));
        Assert.True(report.VirtualEnd > report.VirtualStart.AddDays(30));
    }

    [Fact]
    public async Task Run_DefaultCommand_PrintsOutcomesAndTimeline()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LocalHostCommand.RunAsync(["--staff", "2"], output, error);

        Assert.Equal(0, exitCode);
        Assert.Contains("Completed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Timeline of the first conversation", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }
}
