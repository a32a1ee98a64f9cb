using CareerConv.Orchestrations.Cycles;
using CareerConv.Orchestrations.Messaging;
using CareerConv.Orchestrations.Privacy;
using CareerConv.Web.Privacy;
using CareerConv.Orchestrations.Storage;
using CareerConv.Orchestrations.Timing;
using CareerConv.Orchestrations.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareerConv.Web.Hosting;

/// <summary>
/// The services every host registers: faculty timing, the workflow's activities and the stores they
/// write to. The Functions app and the local host both call <see cref="AddCareerConv"/>, so an
/// activity finds the same services wherever it runs.
/// </summary>
public static class CareerConvServices
{
    /// <summary>The configuration key of the longest single durable timer, shared by every host.</summary>
    public const string MaximumTimerIntervalKey = "CareerConv:Engine:MaximumTimerInterval";

    public static readonly TimeSpan DefaultMaximumTimerInterval = TimeSpan.FromDays(3);

    public static IServiceCollection AddCareerConv(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddCareerConvTiming(configuration);
        services.AddWorkflowActivities();

        // NOTE: the in-memory stores keep nothing across restarts; the durable ones replace them where
        // a host registers them first.
        services.TryAddSingleton<ITimelineStore, InMemoryTimelineStore>();
        services.TryAddSingleton<IConversationDirectory, InMemoryConversationDirectory>();
        services.TryAddSingleton<IMessageSender, InMemoryMessageSender>();
        services.TryAddSingleton<IDocumentStore, InMemoryDocumentStore>();
        services.TryAddSingleton<IImportLedger, InMemoryImportLedger>();
        services.TryAddSingleton<IImportBatches, InMemoryImportBatches>();
        services.TryAddSingleton<RosterImporter>();
        services.TryAddSingleton<IConversationDataEraser, InMemoryConversationDataEraser>();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<RetentionPurge>();
        services.AddCareerConvWeb(configuration);
        return services;
    }

    /// <summary>
    /// Adds the faculties file named by <c>CareerConv:Timing:FacultiesFile</c>, when one is named, on
    /// top of the configuration read so far, with environment variables still taking precedence.
    /// </summary>
    public static IConfigurationManager AddCareerConvFacultiesFile(this IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[$"{TimingOptions.SectionName}:FacultiesFile"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            configuration.AddFacultiesFile(path);

            // Environment variables (app settings in Azure) are added again after the file, so a single
            // key set there overrides the file, as docs/configuration.md describes.
            configuration.AddEnvironmentVariables();
        }

        return configuration;
    }

    /// <summary>Reads the maximum timer interval, or the default of three days.</summary>
    public static TimeSpan MaximumTimerInterval(IConfiguration configuration) =>
        configuration.GetValue(MaximumTimerIntervalKey, DefaultMaximumTimerInterval);
}
