using System.Text.Json;
using CareerConv.Orchestrations.Contracts;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using static CareerConv.Orchestrations.Tests.Timing.TimingConfiguration;
using static CareerConv.Orchestrations.Tests.Timing.TimingSnapshots;

namespace CareerConv.Orchestrations.Tests.Timing;

public sealed class TimingResolverTests
{
    static readonly DateOnly Today = new(2026, 10, 1);

    [Fact]
    public void Resolve_NoTimingKeys_UsesBuiltInValues()
    {
        var snapshot = Resolver(Minimal()).Resolve("SCI", "PHYS", "2026-autumn", Today);

        Assert.Equal("Europe/London", snapshot.TimeZoneId);
        Assert.Equal(HolidayRegion.EnglandAndWales, snapshot.HolidayRegion);
        Assert.Equal(BuiltInTiming.ReviewerAssignmentWorkingDays, snapshot.ReviewerAssignmentWorkingDays);
        Assert.Equal(BuiltInTiming.MeetingScheduledWorkingDays, snapshot.MeetingScheduledWorkingDays);
        Assert.Equal(BuiltInTiming.ReflectionWorkingDaysBeforeMeeting, snapshot.ReflectionWorkingDaysBeforeMeeting);
        Assert.Equal(BuiltInTiming.RecordUploadWorkingDays, snapshot.RecordUploadWorkingDays);
        Assert.Equal(BuiltInTiming.HandoffWorkingDays, snapshot.HandoffWorkingDays);
        Assert.Equal(new TimeOnly(17, 0), snapshot.DeadlineTime);
        Assert.Equal(new TimeOnly(9, 0), snapshot.ReminderTime);
        Assert.Equal([10, 5, 1], snapshot.ReminderWorkingDaysBefore);
        Assert.Equal(1, snapshot.MeetingReminderWorkingDaysBefore);
        Assert.Equal([ActorRole.HeadOfDepartment], snapshot.EscalateTo);
    }

    [Fact]
    public void Resolve_KnownCycle_UsesItsWindow()
    {
        var snapshot = Resolver(Minimal()).Resolve(" sci ", "phys", "2026-Autumn", Today);

        Assert.Equal("SCI", snapshot.Faculty);
        Assert.Equal("PHYS", snapshot.Department);
        Assert.Equal("2026-autumn", snapshot.CycleId);
        Assert.False(snapshot.OffCycle);
        Assert.Equal(Date("2026-09-28"), snapshot.CycleOpens);
        Assert.Equal(Date("2026-12-11"), snapshot.MeetingsHeldBy);
    }

    [Theory]
    [InlineData("ReminderTime", "08:30", "07:45", null, "07:45")]
    [InlineData("ReminderTime", "08:30", "07:45", "10:15", "10:15")]
    [InlineData("ReminderTime", "08:30", null, null, "08:30")]
    [InlineData("HandoffWorkingDays", "7", "3", null, "3")]
    [InlineData("HandoffWorkingDays", "7", null, "12", "12")]
    [InlineData("ReviewerAssignmentWorkingDays", null, "4", null, "4")]
    public void Resolve_KeySetAtSeveralLevels_LaterLevelWins(
        string key, string? defaults, string? faculty, string? department, string expected)
    {
        var values = Minimal();
        values[Prefix + "Defaults:" + key] = defaults;
        values[Prefix + "Faculties:SCI:" + key] = faculty;
        values[Prefix + "Faculties:SCI:Departments:PHYS:" + key] = department;

        var snapshot = Resolver(values).Resolve("SCI", "PHYS", "2026-autumn", Today);

        var actual = key switch
        {
            "ReminderTime" => snapshot.ReminderTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            "HandoffWorkingDays" => snapshot.HandoffWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => snapshot.ReviewerAssignmentWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Resolve_DepartmentList_ReplacesFacultyList()
    {
        var values = Minimal();
        values[Prefix + "Defaults:ReminderWorkingDaysBefore:0"] = "10";
        values[Prefix + "Defaults:ReminderWorkingDaysBefore:1"] = "5";
        values[Prefix + "Faculties:SCI:ReminderWorkingDaysBefore:0"] = "3";
        values[Prefix + "Faculties:SCI:EscalateTo:0"] = "Coordinator";
        values[Prefix + "Faculties:SCI:EscalateTo:1"] = "headofdepartment";
        values[Prefix + "Faculties:SCI:Departments:PHYS:ReminderWorkingDaysBefore:0"] = "2";
        values[Prefix + "Faculties:SCI:Departments:PHYS:ReminderWorkingDaysBefore:1"] = "1";
        var resolver = Resolver(values);

        var physics = resolver.Resolve("SCI", "PHYS", "2026-autumn", Today);
        var chemistry = resolver.Resolve("SCI", "CHEM", "2026-autumn", Today);

        Assert.Equal([2, 1], physics.ReminderWorkingDaysBefore);
        Assert.Equal([3], chemistry.ReminderWorkingDaysBefore);
        Assert.Equal([ActorRole.Coordinator, ActorRole.HeadOfDepartment], physics.EscalateTo);
    }

    [Fact]
    public void Resolve_FacultyClosureDays_ReplaceDefaults()
    {
        var values = Minimal();
        values[Prefix + "Faculties:KLC:ClosureDays:0"] = "2026-08-31";
        var resolver = Resolver(values);

        var london = resolver.Resolve("SCI", "PHYS", "2026-autumn", Today);
        var kualaLumpur = resolver.Resolve("KLC", "BUS", "2026-autumn", Today);

        Assert.Contains(Date("2026-12-29"), london.NonWorkingDates);
        Assert.DoesNotContain(Date("2026-12-29"), kualaLumpur.NonWorkingDates);
        Assert.Equal([Date("2026-08-31")], kualaLumpur.NonWorkingDates);
    }

    [Fact]
    public void Resolve_NonWorkingDates_CoverFourYears()
    {
        var snapshot = Resolver(Minimal()).Resolve("SCI", "PHYS", "2026-autumn", Today);

        Assert.Contains(Date("2025-01-01"), snapshot.NonWorkingDates);
        Assert.Contains(Date("2026-05-04"), snapshot.NonWorkingDates);
        Assert.Contains(Date("2026-12-28"), snapshot.NonWorkingDates); // Boxing Day falls on a Saturday
        Assert.Contains(Date("2028-12-25"), snapshot.NonWorkingDates);
        Assert.DoesNotContain(Date("2026-01-02"), snapshot.NonWorkingDates);
        Assert.All(snapshot.NonWorkingDates, date => Assert.InRange(date, Date("2025-01-01"), Date("2028-12-31")));
        Assert.Equal(snapshot.NonWorkingDates.Order(), snapshot.NonWorkingDates);
    }

    [Fact]
    public void Resolve_UnknownCycle_OpensOffCycleWindowToday()
    {
        var today = Date("2026-11-16");

        var snapshot = Resolver(Minimal()).Resolve("SCI", "PHYS", "2026-secondment", today);

        Assert.True(snapshot.OffCycle);
        Assert.Equal("2026-secondment", snapshot.CycleId);
        Assert.Equal(today, snapshot.CycleOpens);

        // 30 working days, skipping Christmas, the Boxing Day substitute, the 29-31 December closure and New Year.
        Assert.Equal(Date("2027-01-05"), snapshot.MeetingsHeldBy);
    }

    [Fact]
    public void Resolve_OffCycleWorkingDaysSet_UsesThem()
    {
        var values = Minimal();
        values[Prefix + "Faculties:SCI:OffCycleMeetingWorkingDays"] = "5";

        var snapshot = Resolver(values).Resolve("SCI", "PHYS", "2027-leave", Date("2026-10-09"));

        Assert.Equal(Date("2026-10-16"), snapshot.MeetingsHeldBy);
    }

    [Fact]
    public void Resolve_UnknownFaculty_ThrowsListingKnownCodes()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Resolver(Minimal()).Resolve("LAW", "PHYS", "2026-autumn", Today));

        Assert.Contains("'LAW'", error.Message, StringComparison.Ordinal);
        Assert.Contains("KLC, SCI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownDepartment_ThrowsListingKnownCodes()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Resolver(Minimal()).Resolve("SCI", "MATH", "2026-autumn", Today));

        Assert.Contains("'MATH'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'SCI'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CHEM, PHYS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InvalidCycleName_Throws()
    {
        Assert.Throws<ArgumentException>(() => Resolver(Minimal()).Resolve("SCI", "PHYS", "autumn:2026", Today));
    }

    [Theory]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("Singapore Standard Time", "Asia/Singapore")]
    [InlineData("Arabian Standard Time", "Asia/Dubai")]
    [InlineData("Asia/Kuala_Lumpur", "Asia/Kuala_Lumpur")]
    public void Resolve_WindowsTimeZone_ConvertsToIana(string configured, string expected)
    {
        var values = Minimal();
        values[Prefix + "Faculties:KLC:TimeZone"] = configured;

        var snapshot = Resolver(values).Resolve("KLC", "BUS", "2026-autumn", Today);

        Assert.Equal(expected, snapshot.TimeZoneId);
    }

    [Fact]
    public void LocalDate_KualaLumpurEvening_IsNextDay()
    {
        var date = Resolver(Minimal()).LocalDate("KLC", Utc("2026-07-01T20:00:00Z"));

        Assert.Equal(Date("2026-07-02"), date);
    }

    [Fact]
    public void TimingSnapshot_SystemTextJson_RoundTrips()
    {
        var snapshot = Resolver(Minimal()).Resolve("SCI", "PHYS", "2026-autumn", Today);

        var json = JsonSerializer.Serialize(snapshot);
        var copy = JsonSerializer.Deserialize<TimingSnapshot>(json);

        Assert.NotNull(copy);
        Assert.Equal(json, JsonSerializer.Serialize(copy));
        Assert.Equal(snapshot.TimeZoneId, copy.TimeZoneId);
        Assert.Equal(snapshot.HolidayRegion, copy.HolidayRegion);
        Assert.Equal(snapshot.CycleOpens, copy.CycleOpens);
        Assert.Equal(snapshot.MeetingsHeldBy, copy.MeetingsHeldBy);
        Assert.Equal(snapshot.DeadlineTime, copy.DeadlineTime);
        Assert.Equal(snapshot.ReminderTime, copy.ReminderTime);
        Assert.Equal(snapshot.ReminderWorkingDaysBefore, copy.ReminderWorkingDaysBefore);
        Assert.Equal(snapshot.EscalateTo, copy.EscalateTo);
        Assert.Equal(snapshot.NonWorkingDates, copy.NonWorkingDates);
    }

    [Fact]
    public void ConversationSettings_SystemTextJson_RoundTrips()
    {
        var source = new ConfiguredSettingsSource(Resolver(Minimal()), new FixedTimeProvider(Utc("2026-10-01T08:00:00Z")));
        var settings = source.Load(new LoadSettingsRequest("SCI", "PHYS", "2026-autumn"));

        var json = JsonSerializer.Serialize(settings);
        var copy = JsonSerializer.Deserialize<ConversationSettings>(json);

        Assert.NotNull(copy);
        Assert.Equal(json, JsonSerializer.Serialize(copy));
    }

    [Fact]
    public void ConfiguredSettingsSource_Department_BuildsSettings()
    {
        var values = Minimal();
        values[Prefix + "Defaults:ReviewerCap"] = "6";
        values[Prefix + "Faculties:SCI:Departments:CHEM:ReviewerCap"] = "10";
        values[Prefix + "Faculties:SCI:ReviewType"] = "ProbationReview";
        var source = new ConfiguredSettingsSource(Resolver(values), new FixedTimeProvider(Utc("2026-10-01T08:00:00Z")));

        var physics = source.Load(new LoadSettingsRequest("SCI", "PHYS", "2026-autumn"));
        var chemistry = source.Load(new LoadSettingsRequest("SCI", "CHEM", "2026-autumn"));

        Assert.Equal(new Person("Professor Amara Okafor", "a.okafor@example.ac.uk"), physics.HeadOfDepartment);
        Assert.Equal(new Person("Gareth Pryce", "g.pryce@example.ac.uk"), physics.Coordinator);
        Assert.Equal(6, physics.ReviewerCap);
        Assert.Equal("ProbationReview", physics.ReviewType);
        Assert.Null(chemistry.Coordinator);
        Assert.Equal(10, chemistry.ReviewerCap);
        Assert.Equal("2026-autumn", physics.Timing.CycleId);
    }

    [Fact]
    public void SettingsSource_OffCycle_OpensOnLocalDate()
    {
        var source = new ConfiguredSettingsSource(Resolver(Minimal()), new FixedTimeProvider(Utc("2026-07-01T20:00:00Z")));

        var settings = source.Load(new LoadSettingsRequest("KLC", "BUS", "2026-july-starters"));

        Assert.True(settings.Timing.OffCycle);
        Assert.Equal(Date("2026-07-02"), settings.Timing.CycleOpens);
        Assert.Equal(BuiltInTiming.ReviewerCap, settings.ReviewerCap);
        Assert.Equal(BuiltInTiming.ReviewType, settings.ReviewType);
    }
}
