using CareerConv.Orchestrations.Activities;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CareerConv.Orchestrations.Tests.Timing.TimingConfiguration;
using static CareerConv.Orchestrations.Tests.Timing.TimingSnapshots;

namespace CareerConv.Orchestrations.Tests.Timing;

public sealed class FacultiesFileTests
{
    static IConfiguration Sample(IDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder().AddFacultiesFile(SampleFile);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    [Fact]
    public void SampleFile_Validate_Succeeds()
    {
        var result = new TimingOptionsValidator().Validate(null, Bind(Sample()));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void SampleFile_EveryDepartmentAndCycle_Resolves()
    {
        var options = Bind(Sample());
        var resolver = new TimingResolver(Options.Create(options));
        var resolved = 0;

        foreach (var (facultyCode, faculty) in options.Faculties)
        {
            foreach (var departmentCode in faculty.Departments.Keys)
            {
                foreach (var cycle in faculty.Cycles!)
                {
                    var snapshot = resolver.Resolve(facultyCode, departmentCode, cycle.Id!, Date("2026-10-01"));
                    Assert.False(snapshot.OffCycle);
                    Assert.True(snapshot.MeetingsHeldBy > snapshot.CycleOpens);
                    resolved++;
                }
            }
        }

        // SCI: three departments in two cycles; AHS: two departments; KLC: two departments.
        Assert.Equal(10, resolved);
    }

    [Fact]
    public void SampleFile_Faculties_HaveTheirPlaces()
    {
        var resolver = new TimingResolver(Options.Create(Bind(Sample())));

        var science = resolver.Resolve("SCI", "COMP", "2026-autumn", Date("2026-10-01"));
        var arts = resolver.Resolve("AHS", "ENGL", "2027-spring", Date("2026-10-01"));
        var campus = resolver.Resolve("KLC", "ENGR", "2026-midyear", Date("2026-10-01"));

        Assert.Equal([5, 2, 1], science.ReminderWorkingDaysBefore);
        Assert.Equal(HolidayRegion.Scotland, arts.HolidayRegion);
        Assert.Equal(3, arts.ReflectionWorkingDaysBeforeMeeting);
        Assert.Equal(15, arts.MeetingScheduledWorkingDays);
        Assert.Contains(Date("2027-01-04"), arts.NonWorkingDates); // 2 January 2027 is a Saturday
        Assert.Equal("Asia/Kuala_Lumpur", campus.TimeZoneId);
        Assert.Equal(HolidayRegion.None, campus.HolidayRegion);
        Assert.Equal(new TimeOnly(18, 0), campus.DeadlineTime);
        Assert.Equal(3, campus.ReviewerAssignmentWorkingDays);
        Assert.DoesNotContain(Date("2026-05-25"), campus.NonWorkingDates); // an English bank holiday
    }

    [Fact]
    public void SampleFile_LaterSourceKey_OverridesFile()
    {
        // Environment variables arrive in the same form: CareerConv__Timing__Faculties__SCI__TimeZone.
        var configuration = Sample(new Dictionary<string, string?>
        {
            [Prefix + "Faculties:SCI:TimeZone"] = "GMT Standard Time",
            [Prefix + "Faculties:SCI:Departments:PHYS:ReviewerCap"] = "4",
        });
        using var services = Services(configuration);
        services.GetRequiredService<IStartupValidator>().Validate();
        var source = services.GetRequiredService<IConversationSettingsSource>();

        var settings = source.Load(new LoadSettingsRequest("SCI", "PHYS", "2026-autumn"));

        Assert.Equal("Europe/London", settings.Timing.TimeZoneId);
        Assert.Equal(4, settings.ReviewerCap);
        Assert.Equal("Gareth Pryce", settings.Coordinator!.Name);
    }

    [Fact]
    public void AddFacultiesFile_EmptyLists_ClearInheritedLists()
    {
        var path = Path.Combine(Path.GetTempPath(), $"faculties-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "Defaults": { "EscalateTo": [ "HeadOfDepartment" ], "ReminderWorkingDaysBefore": [ 5, 1 ] },
              "Faculties": {
                "SCI": {
                  "EscalateTo": [],
                  "Departments": {
                    "PHYS": {
                      "ReminderWorkingDaysBefore": [],
                      "HeadOfDepartment": { "Name": "Professor Amara Okafor", "Email": "a.okafor@example.ac.uk" }
                    }
                  }
                }
              }
            }
            """);

        try
        {
            var options = Bind(new ConfigurationBuilder().AddFacultiesFile(path).Build());
            var snapshot = new TimingResolver(Options.Create(options)).Resolve("SCI", "PHYS", "2026-autumn", Date("2026-10-01"));

            Assert.Empty(snapshot.EscalateTo);
            Assert.Empty(snapshot.ReminderWorkingDaysBefore);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddFacultiesFile_MissingFile_Throws()
    {
        var missing = Path.Combine(AppContext.BaseDirectory, "Timing", "no-such-file.json");

        Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddFacultiesFile(missing));
    }
}
