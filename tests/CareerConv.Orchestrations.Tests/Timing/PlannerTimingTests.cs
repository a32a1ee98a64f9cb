using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using static CareerConv.Orchestrations.Tests.Timing.TimingConfiguration;
using static CareerConv.Orchestrations.Tests.Timing.TimingSnapshots;

namespace CareerConv.Orchestrations.Tests.Timing;

/// <summary>Checks the planner's deadlines and alarms against settings resolved from configuration.</summary>
public sealed class PlannerTimingTests
{
    static ConversationState Started(DateTimeOffset startedAt)
    {
        var source = new ConfiguredSettingsSource(Resolver(Minimal()), new FixedTimeProvider(startedAt));
        var settings = source.Load(new LoadSettingsRequest("SCI", "PHYS", "2026-autumn"));
        var input = new ConversationInput(
            "2026-autumn:S012345", "k3v7", "2026-autumn", "SCI", "PHYS",
            new StaffMember("S012345", "Jordan Ellis", "j.ellis@example.ac.uk"));
        return new ConversationState(input, settings, startedAt);
    }

    [Fact]
    public void Planner_StartOnOpeningDay_PlansAssignmentDeadline()
    {
        var planner = new ConversationPlanner(Started(Utc("2026-09-28T09:00:00Z")));

        var deadlines = planner.OpenDeadlines();

        Assert.Equal(Utc("2026-10-05T16:00:00Z"), Assert.Single(deadlines, d => d.Key == DeadlineKind.ReviewerAssignment).Value);
    }

    [Fact]
    public void Planner_StartOnOpeningDay_SkipsPastReminders()
    {
        var planner = new ConversationPlanner(Started(Utc("2026-09-28T09:00:00Z")));

        var alarms = planner.PendingAlarms();

        Assert.Equal([Utc("2026-10-02T08:00:00Z"), Utc("2026-10-05T16:00:00Z")], alarms.Select(a => a.At));
        Assert.Equal([AlarmKind.Reminder, AlarmKind.DeadlineMissed], alarms.Select(a => a.Kind));
    }

    [Fact]
    public void Planner_StartBeforeCycleOpens_CountsFromOpening()
    {
        var planner = new ConversationPlanner(Started(Utc("2026-09-01T09:00:00Z")));

        var deadline = planner.OpenDeadlines()[DeadlineKind.ReviewerAssignment];

        Assert.Equal(Utc("2026-10-05T16:00:00Z"), deadline);
    }
}
