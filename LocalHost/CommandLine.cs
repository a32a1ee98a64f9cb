using System.Globalization;
using CareerConv.LocalHost.Rehearsal;

namespace CareerConv.LocalHost;

/// <summary>The commands of the local host.</summary>
enum Command
{
    Rehearse,
    Serve,
    Import,
}

/// <summary>The parsed command line; <see cref="Parse"/> rejects anything it does not know.</summary>
sealed record CommandLine(
    Command Command,
    bool Help,
    string? Faculty,
    string? Cycle,
    int StaffCount,
    ResponseProfile Profile,
    string? FacultiesFile,
    int Port,
    bool InMemory,
    string DataFolder,
    bool Sample,
    string? Roster,
    bool Strict,
    Uri Url,
    string? Key)
{
    /// <summary>The date a rehearsed cycle opens; the faculty's first cycle when null.</summary>
    public DateOnly? Opens { get; init; }

    public string? Responses { get; init; }

    public string? Out { get; init; }

    public const int DefaultPort = 7071;
    const int MaximumStaff = 100_000;

    static readonly Dictionary<string, Command> Commands = new(StringComparer.Ordinal)
    {
        ["rehearse"] = Command.Rehearse,
        ["serve"] = Command.Serve,
        ["import"] = Command.Import,
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var command = new CommandLine(Command.Rehearse, false, null, null, 20, ResponseProfile.Prompt, null,
            DefaultPort, false, Path.Combine(".data", "localhost"), false, null, false,
            new Uri($"http://127.0.0.1:{DefaultPort}"), null);
        var start = 0;
        if (args.Count > 0 && Commands.TryGetValue(args[0], out var named))
        {
            command = command with { Command = named };
            start = 1;
        }

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
                "--port" => command with { Port = ParsePort(Value(args, ref i)) },
                "--in-memory" => command with { InMemory = true },
                "--data" => command with { DataFolder = Value(args, ref i) },
                "--sample" => command with { Sample = true },
                "--roster" => command with { Roster = Value(args, ref i) },
                "--strict" => command with { Strict = true },
                "--url" => command with { Url = ParseUrl(Value(args, ref i)) },
                "--key" => command with { Key = Value(args, ref i) },
                "--opens" => command with { Opens = ParseDate(Value(args, ref i)) },
                "--responses" => command with { Responses = Value(args, ref i) },
                "--out" => command with { Out = Value(args, ref i) },
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

    static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new ArgumentException($"--port '{value}' is not a port number from 1 to 65535.");

    static Uri ParseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"--url '{value}' is not an absolute http or https address such as http://127.0.0.1:7071.");

    static DateOnly ParseDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"--opens '{value}' is not a date in the form YYYY-MM-DD.");

    static ResponseProfile ParseProfile(string value) =>
        Enum.TryParse<ResponseProfile>(value, ignoreCase: true, out var profile) && Enum.IsDefined(profile)
            ? profile
            : throw new ArgumentException($"--profile '{value}' is not known; use prompt or slow.");
}
