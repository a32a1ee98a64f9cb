using CareerConv.Orchestrations.Activities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareerConv.Orchestrations.Timing;

/// <summary>Registers the timing configuration and reads the faculties file.</summary>
public static class TimingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>CareerConv:Timing</c> from <paramref name="configuration"/> (the root configuration),
    /// validates it when the host starts, and registers <see cref="TimingResolver"/> and
    /// <see cref="ConfiguredSettingsSource"/> as the <see cref="IConversationSettingsSource"/>. A key the
    /// options do not define, such as a misspelt one, fails binding with the binder's error naming it.
    /// </summary>
    public static IServiceCollection AddCareerConvTiming(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TimingOptions.SectionName);
        services.AddOptions<TimingOptions>()
            .Configure(options => TimingOptionsBinder.Bind(section, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TimingOptions>, TimingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TimingResolver>();
        services.TryAddSingleton<IConversationSettingsSource, ConfiguredSettingsSource>();
        return services;
    }

    /// <summary>
    /// Adds a faculties file: a JSON file whose top-level keys (<c>Defaults</c>, <c>Faculties</c>) are read as
    /// if they were under <c>CareerConv:Timing</c>. A relative path is resolved against the builder's base path.
    /// Sources added later override it, so add it before environment variables to let them override single keys.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IConfigurationBuilder AddFacultiesFile(this IConfigurationBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new ConfigurationBuilder()
            .SetFileProvider(builder.GetFileProvider())
            .AddJsonFile(path, optional: false, reloadOnChange: false)
            .Build();
        var entries = file.AsEnumerable(makePathsRelative: true)
            .Select(entry => KeyValuePair.Create(ConfigurationPath.Combine(TimingOptions.SectionName, entry.Key), entry.Value))
            .ToArray();
        return builder.AddInMemoryCollection(entries);
    }
}
