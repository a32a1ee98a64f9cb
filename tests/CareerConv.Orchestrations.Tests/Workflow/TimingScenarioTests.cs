using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Tests.Timing;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using Microsoft.Extensions.DependencyInjection;
using static CareerConv.Orchestrations.Tests.Workflow.Sent;

namespace CareerConv.Orchestrations.Tests.Workflow;

/// <summary>Bank holidays and settings changes, end to end on the engine.</summary>
public sealed class TimingScenarioTests
{
    const string Prefix = TimingConfiguration.Prefix;

    static Dictionary<string, string?> TwoNations() => new()
    {
        [Prefix + "Faculties:MED:Cycles:0:Id"] = "2026-summer",
        [Prefix + "Faculties:MED:Cycles:0:Opens"] = "2026-04-27",
        [Prefix + "Faculties:MED:Cycles:0:MeetingsHeldBy"] = "2026-08-28",
        [Prefix + "Faculties:MED:Departments:SURG:HeadOfDepartment:Name"] = "Professor Nadia Haddad",
        [Prefix + "Faculties:MED:Departments:SURG:HeadOfDepartment:Email"] = "n.haddad@example.ac.uk",
        [Prefix + "Faculties:EDI:HolidayRegion"] = "Scotland",
        [Prefix + "Faculties:EDI:Cycles:0:Id"] = "2026-summer",
        [Prefix + "Faculties:EDI:Cycles:0:Opens"] = "2026-04-27",
        [Prefix + "Faculties:EDI:Cycles:0:MeetingsHeldBy"] = "2026-08-28",
        [Prefix + "Faculties:EDI:Departments:LAW:HeadOfDepartment:Name"] = "Professor Iain Crawford",
        [Prefix + "Faculties:EDI:Departments:LAW:HeadOfDepartment:Email"] = "i.crawford@example.ac.uk",
    };

    [Fact]
    public async Task MeetingRequest_OverEarlyMayBankHoliday_CountsOnlyWorkingDays()
    {
        var start = Sci.At("2026-04-27T08:00:00Z");
        await using var rig = await ConversationRig.StartAsync(start, TimingConfiguration.Build(TwoNations()));
        var id = await rig.StartConversationAsync(
            ConversationRig.Input(cycle: "2026-summer", faculty: "MED", department: "SURG", reviewer: Sci.ReviewerPerson));

        await rig.Clock.AdvanceToAsync(Sci.At("2026-05-13T00:00:00Z"));

        // Monday 4 May is a bank holiday in England, so ten working days after 27 April end on
        // Tuesday 12 May, and the five-day reminder falls on Tuesday 5 May.
        Sent[] expected =
        [
            Of(MessageKind.MeetingRequest, Sci.Reviewer, "2026-04-27T08:00:00Z"),
            Of(MessageKind.ReflectionInvitation, Sci.Staff, "2026-04-27T08:00:00Z"),
            Of(MessageKind.MeetingRequestReminder, Sci.Reviewer, "2026-05-05T08:00:00Z"),
            Of(MessageKind.MeetingRequestReminder, Sci.Reviewer, "2026-05-11T08:00:00Z"),
            Of(MessageKind.Escalation, "n.haddad@example.ac.uk", "2026-05-12T16:00:00Z"),
        ];
        Assert.Equal(expected, rig.SentTo(id).Select(From));
        Assert.Equal(Sci.At("2026-05-12T16:00:00Z"), rig.SentTo(id)[0].Message.Deadline);
    }

    [Fact]
    public async Task MeetingRequest_ScottishSummerHoliday_MovesOnlyTheScottishDeadline()
    {
        var start = Sci.At("2026-07-27T08:00:00Z");
        await using var rig = await ConversationRig.StartAsync(start, TimingConfiguration.Build(TwoNations()));
        var england = await rig.StartConversationAsync(ConversationRig.Input(
            staffNumber: "E1", cycle: "2026-summer", faculty: "MED", department: "SURG", reviewer: Sci.ReviewerPerson));
        var scotland = await rig.StartConversationAsync(ConversationRig.Input(
            staffNumber: "S1", cycle: "2026-summer", faculty: "EDI", department: "LAW", reviewer: Sci.ReviewerPerson));

        // Monday 3 August is the summer bank holiday in Scotland only.
        Assert.Equal(Sci.At("2026-08-10T16:00:00Z"), rig.SentTo(england)[0].Message.Deadline);
        Assert.Equal(Sci.At("2026-08-11T16:00:00Z"), rig.SentTo(scotland)[0].Message.Deadline);
    }

    [Fact]
    public async Task Settings_ChangedMidCycle_LeaveRunningConversationUnchanged()
    {
        var source = new SwitchableSettingsSource();
        await using var rig = await ConversationRig.StartAsync(
            Sci.Opens, configureServices: services => services.AddSingleton<IConversationSettingsSource>(
                provider => source.Wrap(ActivatorUtilities.CreateInstance<ConfiguredSettingsSource>(provider))));
        var before = await rig.StartConversationAsync(ConversationRig.Input(staffNumber: "B1", reviewer: Sci.ReviewerPerson));

        source.DeadlineTime = new TimeOnly(12, 0);
        var after = await rig.StartConversationAsync(ConversationRig.Input(staffNumber: "A1", reviewer: Sci.ReviewerPerson));
        await rig.RaiseAsync(before, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        await rig.RaiseAsync(after, ConversationEvents.MeetingScheduled, Sci.Meeting("m1", "2026-10-20T13:00:00Z"));
        await rig.Clock.AdvanceToAsync(Sci.At("2026-10-20T13:00:00Z"));

        Assert.Equal(Sci.At("2026-10-12T16:00:00Z"), rig.SentTo(before)[0].Message.Deadline);
        Assert.Equal(Sci.At("2026-10-12T11:00:00Z"), rig.SentTo(after)[0].Message.Deadline);
        var beforeRecord = rig.SentTo(before).Single(m => m.Message.Kind == MessageKind.RecordRequest);
        var afterRecord = rig.SentTo(after).Single(m => m.Message.Kind == MessageKind.RecordRequest);
        Assert.Equal(Sci.At("2026-10-27T17:00:00Z"), beforeRecord.Message.Deadline);
        Assert.Equal(Sci.At("2026-10-27T12:00:00Z"), afterRecord.Message.Deadline);
    }

    /// <summary>Reads the configured settings, and from a switch onwards moves every deadline's time of day.</summary>
    sealed class SwitchableSettingsSource
    {
        public TimeOnly? DeadlineTime { get; set; }

        public IConversationSettingsSource Wrap(IConversationSettingsSource inner) => new Wrapper(inner, this);

        sealed class Wrapper(IConversationSettingsSource inner, SwitchableSettingsSource owner) : IConversationSettingsSource
        {
            public ConversationSettings Load(LoadSettingsRequest request)
            {
                var settings = inner.Load(request);
                return owner.DeadlineTime is { } time
                    ? settings with { Timing = settings.Timing with { DeadlineTime = time } }
                    : settings;
            }
        }
    }
}
