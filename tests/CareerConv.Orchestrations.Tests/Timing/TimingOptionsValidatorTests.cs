using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CareerConv.Orchestrations.Tests.Timing.TimingConfiguration;

namespace CareerConv.Orchestrations.Tests.Timing;

public sealed class TimingOptionsValidatorTests
{
    static IReadOnlyList<string> Problems(IDictionary<string, string?> values)
    {
        var result = new TimingOptionsValidator().Validate(null, Bind(Build(values)));
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void Validate_MinimalConfiguration_Succeeds()
    {
        Assert.Empty(Problems(Minimal()));
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsAllTogether()
    {
        var values = Minimal();
        values[Prefix + "Defaults:ReminderTime"] = "25:00";
        values[Prefix + "Faculties:SCI:TimeZone"] = "Mars/Olympus";
        values[Prefix + "Faculties:SCI:HolidayRegion"] = "Wales";
        values[Prefix + "Faculties:SCI:HandoffWorkingDays"] = "-1";
        values[Prefix + "Faculties:SCI:ReviewerAssignmentWorkingDays"] = "999";
        values[Prefix + "Faculties:SCI:ReminderWorkingDaysBefore:0"] = "5";
        values[Prefix + "Faculties:SCI:ReminderWorkingDaysBefore:1"] = "0";
        values[Prefix + "Faculties:SCI:Cycles:1:Id"] = "2026-Autumn";
        values[Prefix + "Faculties:SCI:Cycles:1:Opens"] = "2026-10-01";
        values[Prefix + "Faculties:SCI:Cycles:1:MeetingsHeldBy"] = "2026-09-01";
        values[Prefix + "Faculties:SCI:ClosureDays:0"] = "2026-13-01";
        values[Prefix + "Faculties:SCI:Departments:PHYS:HeadOfDepartment:Email"] = "okafor at example";
        values[Prefix + "Faculties:SCI:Departments:PHYS:ReviewerCap"] = "0";
        values[Prefix + "Faculties:SCI:Departments:PHYS:EscalateTo:0"] = "Dean";
        values[Prefix + "Faculties:SCI:Departments:PHYS:EscalateTo:1"] = "";
        values[Prefix + "Faculties:SCI:Departments:CHEM:HeadOfDepartment:Email"] = null;
        values[Prefix + "Faculties:KLC:DeadlineTime"] = "5pm";

        var problems = Problems(values);

        string[] expected =
        [
            "Defaults key 'ReminderTime': '25:00' is not a valid time of day.",
            "Faculty 'SCI' key 'TimeZone': 'Mars/Olympus' is not a known time zone. Use an IANA id such as Europe/London.",
            "Faculty 'SCI' key 'HolidayRegion': 'Wales' is not a known holiday region. Use one of EnglandAndWales, Scotland, NorthernIreland, None.",
            "Faculty 'SCI' key 'HandoffWorkingDays': '-1' is out of range.",
            "Faculty 'SCI' key 'ReviewerAssignmentWorkingDays': '999' is out of range.",
            "Faculty 'SCI' key 'ReminderWorkingDaysBefore:1': '0' is out of range. Use a whole number of working days from 1 to 130.",
            "Faculty 'SCI' key 'Cycles:1:Id': '2026-Autumn' repeats the id of Cycles:0.",
            "Faculty 'SCI' key 'Cycles:1:MeetingsHeldBy': '2026-09-01' is not after Opens '2026-10-01'.",
            "Faculty 'SCI' key 'ClosureDays:0': '2026-13-01' is not a valid date.",
            "Faculty 'SCI' department 'PHYS' key 'HeadOfDepartment:Email': 'okafor at example' is not a valid email address.",
            "Faculty 'SCI' department 'PHYS' key 'ReviewerCap': '0' is out of range.",
            "Faculty 'SCI' department 'PHYS' key 'EscalateTo:0': 'Dean' is not a role that receives escalations. Use one of Reviewer, Coordinator, HeadOfDepartment.",
            "Faculty 'SCI' department 'PHYS' key 'EscalateTo:1': '' is not a role that receives escalations.",
            "Faculty 'SCI' department 'CHEM' key 'HeadOfDepartment:Email' is missing.",
            "Faculty 'KLC' key 'DeadlineTime': '5pm' is not a valid time of day.",
        ];
        foreach (var message in expected)
        {
            Assert.Contains(problems, problem => problem.StartsWith(message, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, problems.Count);
    }

    [Theory]
    [InlineData("GMT Standard Time")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Europe/London")]
    public void Validate_WindowsOrIanaTimeZone_Succeeds(string timeZone)
    {
        var values = Minimal();
        values[Prefix + "Faculties:SCI:TimeZone"] = timeZone;

        Assert.Empty(Problems(values));
    }

    [Theory]
    [InlineData("Faculties:SCI:Departments:PHYS:Coordinator:Email", "g.pryce@example", "is not a valid email address")]
    [InlineData("Faculties:SCI:Departments:PHYS:Coordinator:Email", "Gareth <g.pryce@example.ac.uk>", "is not a valid email address")]
    [InlineData("Faculties:SCI:Cycles:0:Id", "autumn 2026", "is not a valid cycle id")]
    [InlineData("Faculties:SCI:Cycles:0:MeetingsHeldBy", "2026-09-28", "is not after Opens")]
    [InlineData("Faculties:SCI:ReflectionWorkingDaysBeforeMeeting", "0", "from 1 to 130")]
    [InlineData("Faculties:SCI:OffCycleMeetingWorkingDays", "0", "from 1 to 130")]
    [InlineData("Defaults:MeetingReminderWorkingDaysBefore", "131", "from 0 to 130")]
    [InlineData("Defaults:DeadlineTime", "24:00", "is not a valid time of day")]
    [InlineData("Defaults:ReviewType", " ", "is blank")]
    [InlineData("Defaults:HolidayRegion", "1", "is not a known holiday region")]
    [InlineData("Defaults:EscalateTo:0", "Staff", "is not a role that receives escalations")]
    public void Validate_BadValue_ReportsKeyAndValue(string key, string value, string expected)
    {
        var values = Minimal();
        values[Prefix + key] = value;

        var problem = Assert.Single(Problems(values));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DepartmentWithoutHeadOfDepartment_ReportsIt()
    {
        var values = Minimal();
        values[Prefix + "Faculties:SCI:Departments:MATH:Name"] = "Mathematics";

        var problem = Assert.Single(Problems(values));

        Assert.StartsWith("Faculty 'SCI' department 'MATH' key 'HeadOfDepartment' is missing.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CoordinatorWithoutEmail_ReportsIt()
    {
        var values = Minimal();
        values[Prefix + "Faculties:SCI:Departments:CHEM:Coordinator:Name"] = "Priya Nair";

        var problem = Assert.Single(Problems(values));

        Assert.StartsWith("Faculty 'SCI' department 'CHEM' key 'Coordinator:Email' is missing.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoFaculties_ReportsIt()
    {
        var problem = Assert.Single(Problems(new Dictionary<string, string?>()));

        Assert.StartsWith("Key 'Faculties' is missing.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FacultyWithoutDepartments_ReportsIt()
    {
        var values = Minimal();
        values[Prefix + "Faculties:LAW:TimeZone"] = "Europe/London";

        var problem = Assert.Single(Problems(values));

        Assert.StartsWith("Faculty 'LAW' key 'Departments' is missing.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCareerConvTiming_InvalidValues_FailStartup()
    {
        var values = Minimal();
        values[Prefix + "Faculties:SCI:TimeZone"] = "Mars/Olympus";
        values[Prefix + "Faculties:SCI:Departments:PHYS:ReviewerCap"] = "0";
        using var services = Services(Build(values));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReviewerCap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCareerConvTiming_MisspeltKey_FailsBinding()
    {
        var values = Minimal();
        values[Prefix + "Faculties:SCI:TimeZon"] = "Europe/London";
        using var services = Services(Build(values));

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptions<TimingOptions>>().Value);

        // The binder names the unknown key and the options type in the inner exception.
        Assert.Contains("'TimeZon'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(FacultyOptions), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddCareerConvTiming_EmptyVariable_ClearsList()
    {
        // An environment variable CareerConv__Timing__Faculties__SCI__EscalateTo set to an empty string.
        var values = Minimal();
        values[Prefix + "Defaults:EscalateTo:0"] = "Coordinator";
        values[Prefix + "Faculties:SCI:EscalateTo"] = "";
        using var services = Services(Build(values));

        var options = services.GetRequiredService<IOptions<TimingOptions>>().Value;

        Assert.Equal(["Coordinator"], options.Defaults.EscalateTo);
        Assert.Empty(options.Faculties["SCI"].EscalateTo!);
    }

    [Fact]
    public void AddCareerConvTiming_Valid_RegistersSource()
    {
        using var services = Services(Build(Minimal()));

        services.GetRequiredService<IStartupValidator>().Validate();
        var source = services.GetRequiredService<Activities.IConversationSettingsSource>();

        Assert.IsType<ConfiguredSettingsSource>(source);
    }
}
