using System.Globalization;
using CareerConv.LocalHost.Rehearsal;

namespace CareerConv.Benchmarks;

/// <summary>The parsed command line of the benchmark; <see cref="Parse"/> rejects anything it does not know.</summary>
sealed record BenchmarkOptions(
    bool Help,
    IReadOnlyList<int> Conversations,
    IReadOnlyList<ResponseProfile> Profiles,
    bool Quick,
    string Faculty,
    string Cycle,
    TimeSpan MaximumTimerInterval,
    string? FacultiesFile,
    int RosterRows)
{
    public const int MaximumConversations = 100_000;
    public const int FullRosterRows = 20_000;
    public const int QuickRosterRows = 2_000;

    public const string Usage =
        """
        Usage: dotnet run -c Release --project Benchmarks -- [options]

        Runs the conversation cycle and a baseline on the in-process engine with a virtual clock, then
        roster import, a record upload to Azurite and mail rendering, and prints each number with its target.

          --conversations N[,N...]  conversations per cycle run (default 1000,10000)
          --profile P[,P...]        prompt, slow or both, comma-separated (default prompt,slow)
          --quick                   a short run for CI: a 2,000-row roster, a 2 MiB upload and fewer renders
          --faculty CODE            faculty whose cycle runs (default SCI)
          --cycle ID                cycle of that faculty (default 2026-autumn)
          --max-timer-days DAYS     longest single durable timer, in days (default 3)
          --faculties PATH          faculties file (default config/faculties.sample.json beside the program)
          --help                    this text
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchmarkOptions(
            false, [1_000, 10_000], [ResponseProfile.Prompt, ResponseProfile.Slow], false, "SCI", "2026-autumn",
            TimeSpan.FromDays(3), null, FullRosterRows);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            options = option switch
            {
                "--help" or "-h" => options with { Help = true },
                "--conversations" => options with { Conversations = ParseCounts(Value(args, ref i)) },
                "--profile" => options with { Profiles = ParseProfiles(Value(args, ref i)) },
                "--quick" => options with { Quick = true, RosterRows = QuickRosterRows },
                "--faculty" => options with { Faculty = Value(args, ref i) },
                "--cycle" => options with { Cycle = Value(args, ref i) },
                "--max-timer-days" => options with { MaximumTimerInterval = ParseDays(Value(args, ref i)) },
                "--faculties" => options with { FacultiesFile = Value(args, ref i) },
                _ => throw new ArgumentException($"Unknown option '{option}'; see --help."),
            };
        }

        return options;
    }

    static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"Option '{args[i]}' needs a value; see --help.");
        }

        return args[++i];
    }

    static List<int> ParseCounts(string value) =>
        [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseCount)];

    static int ParseCount(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || count > MaximumConversations)
        {
            throw new ArgumentException($"Invalid conversation count '{value}': give a whole number from 1 to {MaximumConversations}.");
        }

        return count;
    }

    static List<ResponseProfile> ParseProfiles(string value) =>
        [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseProfile).Distinct()];

    static ResponseProfile ParseProfile(string value) =>
        Enum.TryParse<ResponseProfile>(value, ignoreCase: true, out var profile) && Enum.IsDefined(profile)
            ? profile
            : throw new ArgumentException($"Invalid profile '{value}': use prompt or slow.");

    static TimeSpan ParseDays(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) || days <= 0 || days > 6)
        {
            throw new ArgumentException($"Invalid timer interval '{value}': give a number of days above 0 and at most 6.");
        }

        return TimeSpan.FromDays(days);
    }
}
