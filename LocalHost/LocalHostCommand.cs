using System.Globalization;
using CareerConv.Engine;
using CareerConv.LocalHost.Rehearsal;
using CareerConv.Orchestrations.Timing;
using CareerConv.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CareerConv.LocalHost;

/// <summary>The command line of the local host.</summary>
public static class LocalHostCommand
{
    public const string Usage = """
        Usage: CareerConv.LocalHost [rehearse | serve | import] [options]

        rehearse   Runs one faculty's whole cycle on the in-memory engine with a virtual clock and
                   scripted replies, then prints what happened. Nothing is stored and no mail leaves
                   the process. This is the default command.
        serve      Serves the HTTP routes on 127.0.0.1 with the engine in the same process, on Azure
                   Storage (Azurite by default) or, with --in-memory, in memory.
        import     Sends a roster to a running local host to start a faculty's cycle.

        Options of serve:
          --port N           port on 127.0.0.1 (default: 7071)
          --in-memory        the in-memory engine; nothing survives a restart
          --data DIR         admin key and outbox folder (default: .data/localhost)
          --sample           imports config/roster.sample.csv into cycle 2026-27 of faculty SCI

        Options of import:
          --roster FILE      the roster CSV
          --faculty CODE     faculty the roster is for
          --cycle ID         cycle of that faculty
          --strict           starts nothing while any row has a problem
          --url URL          the local host (default: http://127.0.0.1:7071)
          --key KEY          the admin key (default: read from .data/localhost/admin-key)

        Options of rehearse:
          --roster FILE      rehearse the staff of this roster instead of made-up staff
          --opens DATE       the cycle opens on DATE (YYYY-MM-DD) and lasts as long as the faculty's first cycle
          --responses FILE   JSON: after how long each role (and optionally each staff number) acts, or "never"
          --out FILE         writes every message (UTC, local time, role, staff number, kind) and each final stage as JSON
          --faculty CODE     faculty to rehearse (default: the first configured faculty)
          --cycle ID         cycle of that faculty (default: its first cycle)
          --staff N          number of staff members, 1 to 100000 (default: 20)
          --profile NAME     prompt: people reply after one day; slow: two hours before each
                             deadline, after the last reminder (default: prompt)
          --faculties PATH   faculties file (default: CareerConv:Timing:FacultiesFile, which is
                             config/faculties.sample.json)
          --help             shows this text
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync();
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (command.Help)
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        try
        {
            var configuration = BuildConfiguration(command.FacultiesFile);
            switch (command.Command)
            {
                case Command.Serve:
                    return await ServeCommand.RunAsync(configuration, command, output);
                case Command.Import:
                    return await ImportCommand.RunAsync(command, output, error);
            }

            var (rehearsalConfiguration, settings) = Settings(configuration, command);
            var who = settings.RosterPath is null ? $"{settings.StaffCount} made-up staff" : $"the roster {settings.RosterPath}";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Rehearsing cycle '{settings.Cycle}' of faculty '{settings.Faculty}' for {who} on the in-memory engine; nothing is stored."));
            var report = await RehearsalRunner.RunAsync(rehearsalConfiguration, settings);
            await RehearsalPrinter.PrintAsync(report, output);
            if (command.Out is not null)
            {
                await RehearsalOutput.WriteAsync(report, command.Out);
                await output.WriteLineAsync($"Wrote {report.Messages.Count} messages and {report.Conversations.Count} conversations to {command.Out}.");
            }

            return report.Outcomes.Keys.All(k => k == "Completed") ? 0 : 1;
        }
        catch (Exception ex) when (ex is ArgumentException or OptionsValidationException or FileNotFoundException or InvalidDataException or HttpRequestException)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    static ConfigurationManager BuildConfiguration(string? facultiesFile)
    {
        var builder = new ConfigurationManager();
        builder.SetBasePath(AppContext.BaseDirectory);
        builder.AddJsonFile("appsettings.json", optional: true);
        builder.AddEnvironmentVariables();
        if (facultiesFile is not null)
        {
            builder.AddFacultiesFile(Path.GetFullPath(facultiesFile));
        }
        else
        {
            builder.AddCareerConvFacultiesFile();
        }

        return builder;
    }

    static (IConfiguration Configuration, RehearsalSettings Settings) Settings(IConfiguration configuration, CommandLine command)
    {
        var timing = new TimingOptions();
        TimingOptionsBinder.Bind(configuration.GetSection(TimingOptions.SectionName), timing);
        var faculty = command.Faculty ?? timing.Faculties.Keys.FirstOrDefault()
            ?? throw new ArgumentException("No faculty is configured; name a faculties file with --faculties.");
        var code = timing.Faculties.Keys.FirstOrDefault(k => string.Equals(k, faculty, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Faculty '{faculty}' is not configured; use one of: {string.Join(", ", timing.Faculties.Keys)}.");
        var cycles = timing.Faculties[code].Cycles ?? [];
        string cycle;
        if (command.Opens is { } opens)
        {
            // A rehearsal cycle that opens on the given date and lasts as long as the faculty's first cycle.
            (configuration, cycle) = WithRehearsalCycle(configuration, code, cycles, opens);
        }
        else
        {
            cycle = command.Cycle ?? cycles.FirstOrDefault()?.Id
                ?? throw new ArgumentException($"Faculty '{code}' has no cycles; name one with --cycle or give --opens.");
        }

        var engine = new EngineOptions
        {
            MaximumTimerInterval = CareerConvServices.MaximumTimerInterval(configuration),
        };
        var responses = command.Responses is null ? null : ResponsePlan.Read(command.Responses, command.Profile);
        return (configuration, new RehearsalSettings(code, cycle, command.StaffCount, command.Profile, engine)
        {
            Responses = responses,
            RosterPath = command.Roster,
        });
    }

    static (IConfiguration, string) WithRehearsalCycle(IConfiguration configuration, string faculty, List<CycleOptions> cycles, DateOnly opens)
    {
        var length = cycles.FirstOrDefault() is { Opens: { } from, MeetingsHeldBy: { } to }
            && DateOnly.TryParse(from, CultureInfo.InvariantCulture, out var start)
            && DateOnly.TryParse(to, CultureInfo.InvariantCulture, out var end)
                ? end.DayNumber - start.DayNumber
                : 70;
        var id = "rehearsal-" + opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var prefix = $"{TimingOptions.SectionName}:Faculties:{faculty}:Cycles:{cycles.Count}:";
        var overlay = new Dictionary<string, string?>
        {
            [prefix + "Id"] = id,
            [prefix + "Opens"] = opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [prefix + "MeetingsHeldBy"] = opens.AddDays(length).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return (new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overlay).Build(), id);
    }
}