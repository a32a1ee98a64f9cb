using CareerConv.Infrastructure.Privacy;
using CareerConv.Infrastructure.Storage;
using CareerConv.Orchestrations.Privacy;
using CareerConv.Orchestrations.Cycles;
using CareerConv.Orchestrations.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareerConv.Infrastructure.Stores;

public static class DurableStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the timeline, directory, import ledger and import batches on Azure Storage. Call it
    /// before the in-memory defaults are added, so these win.
    /// </summary>
    public static IServiceCollection AddCareerConvDurableStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCareerConvStorage(configuration);
        services.Replace(ServiceDescriptor.Singleton<ITimelineStore, TableTimelineStore>());
        services.Replace(ServiceDescriptor.Singleton<IConversationDirectory, TableConversationDirectory>());
        services.Replace(ServiceDescriptor.Singleton<IImportLedger, TableImportLedger>());
        services.Replace(ServiceDescriptor.Singleton<IImportBatches, BlobImportBatches>());
        services.Replace(ServiceDescriptor.Singleton<IConversationDataEraser, StorageConversationDataEraser>());
        return services;
    }
}
