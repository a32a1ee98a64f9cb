using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareerConv.Orchestrations.Tests.Timing;

/// <summary>Builds timing configuration and services the way a host does.</summary>
static class TimingConfiguration
{
    public const string Prefix = "CareerConv:Timing:";

    public static string SampleFile { get; } = Path.Combine(AppContext.BaseDirectory, "Timing", "faculties.sample.json");

    /// <summary>A small valid configuration: SCI in London with PHYS and CHEM, and KLC in Kuala Lumpur.</summary>
    public static Dictionary<string, string?> Minimal() => new()
    {
        [Prefix + "Defaults:ClosureDays:0"] = "2026-12-29",
        [Prefix + "Defaults:ClosureDays:1"] = "2026-12-30",
        [Prefix + "Defaults:ClosureDays:2"] = "2026-12-31",
        [Prefix + "Faculties:SCI:Cycles:0:Id"] = "2026-autumn",
        [Prefix + "Faculties:SCI:Cycles:0:Opens"] = "2026-09-28",
        [Prefix + "Faculties:SCI:Cycles:0:MeetingsHeldBy"] = "2026-12-11",
        [Prefix + "Faculties:SCI:Departments:PHYS:HeadOfDepartment:Name"] = "Professor Amara Okafor",
        [Prefix + "Faculties:SCI:Departments:PHYS:HeadOfDepartment:Email"] = "a.okafor@example.ac.uk",
        [Prefix + "Faculties:SCI:Departments:PHYS:Coordinator:Name"] = "Gareth Pryce",
        [Prefix + "Faculties:SCI:Departments:PHYS:Coordinator:Email"] = "g.pryce@example.ac.uk",
        [Prefix + "Faculties:SCI:Departments:CHEM:HeadOfDepartment:Name"] = "Dr Rhys Llewellyn",
        [Prefix + "Faculties:SCI:Departments:CHEM:HeadOfDepartment:Email"] = "r.llewellyn@example.ac.uk",
        [Prefix + "Faculties:KLC:TimeZone"] = "Asia/Kuala_Lumpur",
        [Prefix + "Faculties:KLC:HolidayRegion"] = "None",
        [Prefix + "Faculties:KLC:Departments:BUS:HeadOfDepartment:Name"] = "Professor Siti Rahman",
        [Prefix + "Faculties:KLC:Departments:BUS:HeadOfDepartment:Email"] = "s.rahman@example.ac.uk",
    };

    public static IConfiguration Build(IDictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    public static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection().AddCareerConvTiming(configuration).BuildServiceProvider();

    /// <summary>Binds the section without validating it, as the options factory does before validation.</summary>
    public static TimingOptions Bind(IConfiguration configuration)
    {
        var options = new TimingOptions();
        TimingOptionsBinder.Bind(configuration.GetSection(TimingOptions.SectionName), options);
        return options;
    }

    public static TimingResolver Resolver(IDictionary<string, string?> values) =>
        new(Options.Create(Bind(Build(values))));
}

/// <summary>A clock that always reads one instant.</summary>
sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
