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

            var settings = Settings(configuration, command);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Rehearsing cycle '{settings.Cycle}' of faculty '{settings.Faculty}' for {settings.StaffCount} staff ({settings.Profile} replies) on the in-memory engine; nothing is stored."));
            var report = await RehearsalRunner.RunAsync(configuration, settings);
            await RehearsalPrinter.PrintAsync(report, output);
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

    static RehearsalSettings Settings(IConfiguration configuration, CommandLine command)
    {
        var timing = new TimingOptions();
        TimingOptionsBinder.Bind(configuration.GetSection(TimingOptions.SectionName), timing);
        var faculty = command.Faculty ?? timing.Faculties.Keys.FirstOrDefault()
            ?? throw new ArgumentException("No faculty is configured; name a faculties file with --faculties.");
        if (!timing.Faculties.TryGetValue(faculty, out var facultyOptions))
        {
            throw new ArgumentException(
                $"Faculty '{faculty}' is not configured; use one of: {string.Join(", ", timing.Faculties.Keys)}.");
        }

        var cycle = command.Cycle ?? facultyOptions.Cycles?.FirstOrDefault()?.Id
            ?? throw new ArgumentException($"Faculty '{faculty}' has no cycles; name one with --cycle.");
        var engine = new EngineOptions
        {
            MaximumTimerInterval = CareerConvServices.MaximumTimerInterval(configuration),
        };
        return new RehearsalSettings(faculty, cycle, command.StaffCount, command.Profile, engine);
    }
}
