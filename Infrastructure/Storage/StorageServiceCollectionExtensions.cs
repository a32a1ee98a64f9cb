using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareerConv.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Binds <c>CareerConv:Storage</c> and registers <see cref="StorageClients"/>.</summary>
    public static IServiceCollection AddCareerConvStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<StorageClients>();
        return services;
    }
}
