using System.Globalization;
using CareerConv.LocalHost.Rehearsal;

namespace CareerConv.LocalHost;

/// <summary>The parsed command line; <see cref="Parse"/> rejects anything it does not know.</summary>
sealed record CommandLine(
    bool Help,
    string? Faculty,
    string? Cycle,
    int StaffCount,
    ResponseProfile Profile,
    string? FacultiesFile)
{
    const int MaximumStaff = 100_000;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var command = new CommandLine(false, null, null, 20, ResponseProfile.Prompt, null);
        var start = args.Count > 0 && args[0] == "rehearse" ? 1 : 0;
        for (var i = start; i < args.Count; i++)
        {
            var option = args[i];
            command = option switch
            {
                "--help" or "-h" => command with { Help = true },
                "--faculty" => command with { Faculty = Value(args, ref i) },
                "--cycle" => command with { Cycle = Value(args, ref i) },
                "--staff" => command with { StaffCount = ParseStaff(Value(args, ref i)) },
                "--profile" => command with { Profile = ParseProfile(Value(args, ref i)) },
                "--faculties" => command with { FacultiesFile = Value(args, ref i) },
                _ => throw new ArgumentException($"Unknown command or option '{option}'."),
            };
        }

        return command;
    }

    static string Value(IReadOnlyList<string> args, ref int i)
    {
        var option = args[i];
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Option '{option}' needs a value.");
        }

        return args[++i];
    }

    static int ParseStaff(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaximumStaff
            ? count
            : throw new ArgumentException($"--staff '{value}' is not a whole number from 1 to {MaximumStaff}.");

    static ResponseProfile ParseProfile(string value) =>
        Enum.TryParse<ResponseProfile>(value, ignoreCase: true, out var profile) && Enum.IsDefined(profile)
            ? profile
            : throw new ArgumentException($"--profile '{value}' is not known; use prompt or slow.");
}
