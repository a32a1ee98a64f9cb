using System.Globalization;
using CareerConv.Orchestrations.Timing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CareerConv.Orchestrations.Tests.Timing.TimingConfiguration;

namespace CareerConv.Orchestrations.Tests.Timing;

/// <summary>
/// Random strings and numbers in every timing key, read the way a host starts: each configuration is
/// valid or fails with <see cref="OptionsValidationException"/> listing its problems, never another exception.
/// </summary>
public sealed class TimingBadInputTests
{
    static readonly string[] WholeNumberKeys =
    [
        "ReviewerAssignmentWorkingDays", "MeetingScheduledWorkingDays", "ReflectionWorkingDaysBeforeMeeting",
        "RecordUploadWorkingDays", "HandoffWorkingDays", "OffCycleMeetingWorkingDays", "MeetingReminderWorkingDaysBefore",
        "ReviewerCap", "ReminderWorkingDaysBefore:0",
    ];

    static readonly string[] TextKeys = ["DeadlineTime", "ReminderTime", "EscalateTo:0", "ReviewType"];

    static readonly string[] Levels = ["Defaults:", "Faculties:SCI:", "Faculties:SCI:Departments:PHYS:"];

    /// <summary>Every key of the minimal configuration and every rule key at each level.</summary>
    static IEnumerable<string> AllKeys() =>
        Minimal().Keys
            .Concat(Levels.SelectMany(level => WholeNumberKeys.Concat(TextKeys).Select(key => Prefix + level + key)))
            .Concat([Prefix + "Defaults:TimeZone", Prefix + "Faculties:SCI:HolidayRegion", Prefix + "Faculties:SCI:ClosureDays:0"])
            .Distinct(StringComparer.OrdinalIgnoreCase);

    static string RandomValue(Random random) => random.Next(9) switch
    {
        0 => "",
        1 => random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture),
        2 => ((long)int.MaxValue + random.Next(1, 1000)).ToString(CultureInfo.InvariantCulture),
        3 => (random.NextDouble() * 100).ToString("F2", CultureInfo.InvariantCulture),
        4 => new string((char)random.Next(32, 127), random.Next(1, 5000)),
        5 => "<script>alert(1)</script>",
        6 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(1, 0xD7FF))),
        7 => random.Next(-5, 200).ToString(CultureInfo.InvariantCulture),
        _ => "  " + random.Next(0, 30).ToString(CultureInfo.InvariantCulture) + " days",
    };

    static Exception? Start(Dictionary<string, string?> values)
    {
        using var services = Services(Build(values));
        try
        {
            _ = services.GetRequiredService<IOptions<TimingOptions>>().Value;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public void Start_RandomValueInEachKey_ValidOrListsProblems()
    {
        var random = new Random(20261211);
        var cases = 0;
        foreach (var key in AllKeys())
        {
            for (var i = 0; i < 12; i++)
            {
                var values = Minimal();
                var value = RandomValue(random);
                values[key] = value;

                var error = Start(values);

                cases++;
                Assert.True(error is null or OptionsValidationException,
                    $"Key {key} = '{Shorten(value)}' threw {error?.GetType().Name}: {error?.Message}");
            }
        }

        Assert.True(cases > 300, $"Only {cases} cases ran.");
    }

    [Theory]
    [InlineData("Defaults:", "HandoffWorkingDays", "abc", "Defaults key 'HandoffWorkingDays': 'abc' is not a whole number.")]
    [InlineData("Faculties:SCI:", "ReviewerAssignmentWorkingDays", "99999999999",
        "Faculty 'SCI' key 'ReviewerAssignmentWorkingDays': '99999999999' is not a whole number.")]
    [InlineData("Faculties:SCI:", "ReminderWorkingDaysBefore:0", "1.5",
        "Faculty 'SCI' key 'ReminderWorkingDaysBefore:0': '1.5' is not a whole number.")]
    [InlineData("Faculties:SCI:Departments:PHYS:", "ReviewerCap", "ten",
        "Faculty 'SCI' department 'PHYS' key 'ReviewerCap': 'ten' is not a whole number.")]
    public void Start_NonNumberInCountKey_ListedByValidator(string level, string key, string value, string expected)
    {
        var values = Minimal();
        values[Prefix + level + key] = value;

        var error = Assert.IsType<OptionsValidationException>(Start(values));

        Assert.Contains(expected, error.Failures);
    }

    [Fact]
    public void Start_SeveralNonNumbers_ListsEachWithOtherProblems()
    {
        var values = Minimal();
        values[Prefix + "Defaults:HandoffWorkingDays"] = "x";
        values[Prefix + "Faculties:SCI:ReviewerCap"] = "";
        values[Prefix + "Faculties:KLC:RecordUploadWorkingDays"] = "2e3";
        values[Prefix + "Faculties:SCI:TimeZone"] = "Mars/Olympus";

        var error = Assert.IsType<OptionsValidationException>(Start(values));

        Assert.Contains("Defaults key 'HandoffWorkingDays': 'x' is not a whole number.", error.Failures);
        Assert.Contains("Faculty 'KLC' key 'RecordUploadWorkingDays': '2e3' is not a whole number.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Faculty 'SCI' key 'TimeZone'", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("'ReviewerCap'", StringComparison.Ordinal));
    }

    static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
